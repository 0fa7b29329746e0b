import type { DeviceId, PatientId, UserId } from '#shared/domain/ids.ts';
import { conflictError, notFoundError } from '#shared/api/errors.ts';
import type { AppointmentType } from '#shared/modules/appointments/appointment.ts';
import { referenceSeries } from '#shared/domain/reference-numbers.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import { appointments } from '../../db/schema/index.ts';
import { doctorIn } from '../doctors/index.ts';
import { findPatient, isVisibleIn, mergeSetOf } from '../patients/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { issueReference } from '../../references/issue-reference.ts';
import { recordAppointmentEvent } from './appointment-rows.ts';
import { requireFreeSlot, requirePatientFree } from './slot-check.ts';

export type BookingRequest = {
  readonly patientId: PatientId;
  readonly doctorUserId: UserId;
  readonly startAt: string;
  readonly type: AppointmentType;
  readonly reason: string;
  readonly notes: string;
};

/** A patient this clinic sees, on their surviving record: the only one an appointment is booked on. */
export function requireBookablePatient(db: Db, clinic: ClinicContext, patientId: PatientId) {
  const patient = findPatient(db, patientId);
  if (patient === undefined || !isVisibleIn(db, patient, clinic.clinicId)) throw notFoundError('No such patient in this clinic.');
  if (patient.mergedIntoId !== null) throw conflictError('This record was merged into another; book on the surviving record.', 'patientId');
  return patient;
}

export function bookableDoctor(db: Db, clinic: ClinicContext, doctorUserId: UserId) {
  const doctor = doctorIn(db, clinic.clinicId, doctorUserId);
  if (doctor === undefined) throw notFoundError('That person is not a doctor of this clinic.');
  if (!doctor.bookable) throw conflictError(`${doctor.fullName} cannot be booked: the doctor profile is missing or inactive.`, 'doctorUserId');
  return doctor;
}

/**
 * Books an appointment inside the caller's transaction: the slot must be one of the doctor's, free
 * and ahead, the patient free at that time; the reference comes from the device's leased block.
 * The front desk's booking and a treatment plan's follow-up both come through here.
 */
export function bookAppointment(tx: Db, clinic: ClinicContext, deviceId: DeviceId, request: BookingRequest): string {
  const patient = requireBookablePatient(tx, clinic, request.patientId);
  const doctor = bookableDoctor(tx, clinic, request.doctorUserId);
  const slot = requireFreeSlot(tx, clinic, doctor, request.startAt);
  requirePatientFree(tx, mergeSetOf(tx, patient.id), slot);
  const { reference, provisional } = issueReference(tx, { clinicId: clinic.clinicId, clinicCode: clinic.code, series: referenceSeries.appointment, deviceId, nowMs: clinic.nowMs });
  const appointmentId = newId();
  const now = isoAt(clinic.nowMs);
  tx.insert(appointments)
    .values({
      id: appointmentId,
      clinicId: clinic.clinicId,
      reference,
      provisionalReference: provisional ? reference : null,
      patientId: patient.id,
      doctorUserId: doctor.userId,
      startAt: slot.startAt,
      endAt: slot.endAt,
      type: request.type,
      reason: request.reason,
      notes: request.notes,
      bookedByUserId: clinic.userId,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  recordAppointmentEvent(tx, { appointmentId, kind: 'BOOKED', userId: clinic.userId, nowMs: clinic.nowMs, toStartAt: slot.startAt });
  return appointmentId;
}
