import { and, asc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import { conflictError, notFoundError } from '#shared/api/errors.ts';
import { appointmentStatusLabels, canMoveAppointment, type AppointmentStatus } from '#shared/modules/appointments/appointment.ts';
import { localDayBounds } from '#shared/scheduling/slots.ts';
import { appointmentById, appointmentsBetween, appointmentsOfPatients, findAppointmentRow, recordAppointmentEvent } from './appointment-rows.ts';
import { requireFreeSlot, requirePatientFree } from './slot-check.ts';
import { bookableDoctor, bookAppointment, requireBookablePatient } from './booking.ts';
import { clinicContextOf } from '../../api/clinic-context.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import { appointmentEvents, appointments, queueEntries, users } from '../../db/schema/index.ts';
import type { AppointmentRow } from './tables.ts';
import { findPatient, isVisibleIn, mergeSetOf } from '../patients/index.ts';
import { isoAt } from '../../platform/clock.ts';
import type { Handlers } from '../../api/context.ts';

function requireAppointment(db: Db, clinic: ClinicContext, appointmentId: string): AppointmentRow {
  const row = findAppointmentRow(db, clinic.clinicId, appointmentId);
  if (row === undefined || row.deletedAt !== null) throw notFoundError('No such appointment in this clinic.');
  return row;
}

function requireTransition(row: AppointmentRow, to: AppointmentStatus): void {
  if (!canMoveAppointment(row.status, to)) {
    throw conflictError(`Appointment ${row.reference} is ${appointmentStatusLabels[row.status].toLowerCase()}; it cannot become ${appointmentStatusLabels[to].toLowerCase()}.`);
  }
}

function fetched(db: Db, id: string) {
  const appointment = appointmentById(db, id);
  if (appointment === undefined) throw new Error('appointment vanished');
  return appointment;
}

export const appointmentHandlers = {
  'appointments.list': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const from = localDayBounds(input.fromDate, clinic.timeZone).startAt;
    const to = localDayBounds(input.toDate, clinic.timeZone).endAt;
    const extra = [
      ...(input.doctorUserId === undefined ? [] : [eq(appointments.doctorUserId, input.doctorUserId)]),
      ...(input.patientId === undefined ? [] : [inArray(appointments.patientId, mergeSetOf(ctx.db, input.patientId))]),
    ];
    return { appointments: appointmentsBetween(ctx.db, clinic.clinicId, from, to, extra) };
  },

  'appointments.ofPatient': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const patient = findPatient(ctx.db, input.patientId);
    if (patient === undefined || !isVisibleIn(ctx.db, patient, clinic.clinicId)) throw notFoundError('No such patient in this clinic.');
    return { appointments: appointmentsOfPatients(ctx.db, mergeSetOf(ctx.db, patient.mergedIntoId ?? patient.id)) };
  },

  'appointments.book': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    // Refused before the write, so a wrong patient or doctor leaves no audit of a booking.
    const patient = requireBookablePatient(ctx.db, clinic, input.patientId);
    const doctor = bookableDoctor(ctx.db, clinic, input.doctorUserId);
    const id = ctx.write(
      (tx) => bookAppointment(tx, clinic, ctx.deviceId, input),
      (appointmentId) => ({ entityType: 'appointment', entityId: appointmentId, detail: { patientId: patient.id, doctorUserId: doctor.userId } }),
    );
    return fetched(ctx.db, id);
  },

  'appointments.reschedule': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const row = requireAppointment(ctx.db, clinic, input.appointmentId);
    if (row.status !== 'SCHEDULED') throw conflictError(`Only a scheduled appointment can be moved; ${row.reference} is ${appointmentStatusLabels[row.status].toLowerCase()}.`);
    const doctor = bookableDoctor(ctx.db, clinic, input.doctorUserId ?? row.doctorUserId);
    ctx.write(
      (tx) => {
        const slot = requireFreeSlot(tx, clinic, doctor, input.startAt, row.id);
        requirePatientFree(tx, mergeSetOf(tx, row.patientId), slot, row.id);
        tx.update(appointments)
          .set({ startAt: slot.startAt, endAt: slot.endAt, doctorUserId: doctor.userId, updatedAt: isoAt(clinic.nowMs) })
          .where(eq(appointments.id, row.id))
          .run();
        recordAppointmentEvent(tx, {
          appointmentId: row.id,
          kind: 'RESCHEDULED',
          userId: clinic.userId,
          nowMs: clinic.nowMs,
          fromStartAt: row.startAt,
          toStartAt: slot.startAt,
          note: doctor.userId === row.doctorUserId ? '' : `moved to ${doctor.fullName}`,
        });
      },
      { entityType: 'appointment', entityId: row.id, detail: { fromStartAt: row.startAt, toStartAt: input.startAt } },
    );
    return fetched(ctx.db, row.id);
  },

  'appointments.cancel': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const row = requireAppointment(ctx.db, clinic, input.appointmentId);
    requireTransition(row, 'CANCELLED');
    const now = isoAt(clinic.nowMs);
    ctx.write(
      (tx) => {
        tx.update(appointments).set({ status: 'CANCELLED', cancelReason: input.reason, updatedAt: now }).where(eq(appointments.id, row.id)).run();
        // A checked-in patient whose appointment is cancelled no longer waits for it.
        tx.update(queueEntries)
          .set({ status: 'LEFT', finishedAt: now, updatedAt: now })
          .where(and(eq(queueEntries.appointmentId, row.id), inArray(queueEntries.status, ['WAITING', 'CALLED'])))
          .run();
        recordAppointmentEvent(tx, { appointmentId: row.id, kind: 'CANCELLED', userId: clinic.userId, nowMs: clinic.nowMs, note: input.reason });
      },
      { entityType: 'appointment', entityId: row.id },
    );
    return fetched(ctx.db, row.id);
  },

  'appointments.markNoShows': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const { startAt: dayStart, endAt: dayEnd } = localDayBounds(input.date, clinic.timeZone);
    const now = isoAt(clinic.nowMs);
    // Only appointments whose time is over: a patient due later today may still come.
    const cutoff = dayEnd < now ? dayEnd : now;
    const marked = ctx.write(
      (tx) => {
        const due = tx
          .select({ id: appointments.id })
          .from(appointments)
          .where(
            and(
              eq(appointments.clinicId, clinic.clinicId),
              eq(appointments.status, 'SCHEDULED'),
              gte(appointments.startAt, dayStart),
              lt(appointments.startAt, dayEnd),
              lte(appointments.endAt, cutoff),
            ),
          )
          .all()
          .map((row) => row.id);
        if (due.length > 0) tx.update(appointments).set({ status: 'NO_SHOW', updatedAt: now }).where(inArray(appointments.id, due)).run();
        for (const appointmentId of due) recordAppointmentEvent(tx, { appointmentId, kind: 'NO_SHOW', userId: clinic.userId, nowMs: clinic.nowMs });
        return due.length;
      },
      (count) => ({ entityType: 'clinic_day', entityId: input.date, detail: { marked: count } }),
    );
    return { marked };
  },

  'appointments.history': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const row = requireAppointment(ctx.db, clinic, input.appointmentId);
    const events = ctx.db
      .select({ event: appointmentEvents, userName: users.fullName })
      .from(appointmentEvents)
      .leftJoin(users, eq(users.id, appointmentEvents.userId))
      .where(eq(appointmentEvents.appointmentId, row.id))
      .orderBy(asc(appointmentEvents.at), asc(appointmentEvents.id))
      .all()
      .map(({ event, userName }) => ({ at: event.at, kind: event.kind, userName, fromStartAt: event.fromStartAt, toStartAt: event.toStartAt, note: event.note }));
    return { events };
  },
} satisfies Partial<Handlers>;
