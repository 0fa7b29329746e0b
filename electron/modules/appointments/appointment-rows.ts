import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { and, asc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Appointment } from '#shared/modules/appointments/calls.ts';
import type { Db } from '../../db/database.ts';
import { appointmentEvents, appointments, patients, users } from '../../db/schema/index.ts';
import type { AppointmentRow } from './tables.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

const doctors = alias(users, 'doctor');

/** Appointments with the patient and doctor each screen shows beside them, in time order. */
export function appointmentsWhere(db: Db, where: SQL | undefined): Appointment[] {
  return db
    .select({ appointment: appointments, patient: patients, doctorName: doctors.fullName })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(doctors, eq(doctors.id, appointments.doctorUserId))
    .where(where)
    .orderBy(asc(appointments.startAt))
    .all()
    .map(({ appointment, patient, doctorName }) => ({
      id: appointment.id,
      reference: appointment.reference,
      patient: { id: patient.id, mrn: patient.mrn, givenName: patient.givenName, familyName: patient.familyName },
      doctor: { userId: appointment.doctorUserId, fullName: doctorName },
      startAt: appointment.startAt,
      endAt: appointment.endAt,
      type: appointment.type,
      reason: appointment.reason,
      notes: appointment.notes,
      status: appointment.status,
      cancelReason: appointment.cancelReason,
    }));
}

export function appointmentById(db: Db, id: string): Appointment | undefined {
  return appointmentsWhere(db, eq(appointments.id, id))[0];
}

export function findAppointmentRow(db: Db, clinicId: ClinicId, id: string): AppointmentRow | undefined {
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, id), eq(appointments.clinicId, clinicId)))
    .get();
}

export function appointmentsBetween(db: Db, clinicId: ClinicId, fromInstant: string, toInstant: string, extra: SQL[]): Appointment[] {
  return appointmentsWhere(db, and(eq(appointments.clinicId, clinicId), gte(appointments.startAt, fromInstant), lt(appointments.startAt, toInstant), ...extra));
}

export function appointmentsOfPatients(db: Db, patientIds: readonly PatientId[]): Appointment[] {
  return appointmentsWhere(db, inArray(appointments.patientId, [...patientIds]));
}

export type AppointmentEventKind = (typeof appointmentEvents.$inferInsert)['kind'];

/** The ledger of what happened to an appointment; a row is never changed once written. */
export function recordAppointmentEvent(
  db: Db,
  event: { appointmentId: string; kind: AppointmentEventKind; userId: UserId; nowMs: number; fromStartAt?: string | null; toStartAt?: string | null; note?: string },
): void {
  const at = isoAt(event.nowMs);
  db.insert(appointmentEvents)
    .values({
      id: newId(),
      appointmentId: event.appointmentId,
      kind: event.kind,
      userId: event.userId,
      at,
      createdAt: at,
      fromStartAt: event.fromStartAt ?? null,
      toStartAt: event.toStartAt ?? null,
      note: event.note ?? '',
    })
    .run();
}
