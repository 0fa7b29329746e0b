import type { PatientId, UserId } from '#shared/domain/ids.ts';
import { and, gt, inArray, lt, ne } from 'drizzle-orm';
import { conflictError, validationError } from '#shared/api/errors.ts';
import { localDateOf, type Slot } from '#shared/scheduling/slots.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import { appointments } from '../../db/schema/index.ts';
import { doctorSlots } from '../doctors/index.ts';
import { isoAt } from '../../platform/clock.ts';

/**
 * The slot an appointment would take, refused unless it is one of the doctor's slots, free, and
 * not in the past. Runs inside the booking's transaction, so two bookings cannot both pass.
 */
export function requireFreeSlot(db: Db, clinic: ClinicContext, doctor: { userId: UserId; fullName: string }, startAt: string, movingAppointmentId?: string): Slot {
  const instant = new Date(startAt).toISOString();
  if (instant <= isoAt(clinic.nowMs)) throw validationError('startAt', 'That time has already passed; choose a later slot.');
  const localDate = localDateOf(instant, clinic.timeZone);
  const slot = doctorSlots(db, {
    clinicId: clinic.clinicId,
    timeZone: clinic.timeZone,
    doctorUserId: doctor.userId,
    fromDate: localDate,
    toDate: localDate,
    ...(movingAppointmentId === undefined ? {} : { ignoreAppointmentId: movingAppointmentId }),
  }).find((candidate) => candidate.startAt === instant);
  if (slot === undefined) throw validationError('startAt', `${doctor.fullName} has no slot at that time; choose one of the offered slots.`);
  if (!slot.free) throw conflictError(`${doctor.fullName} is already booked at ${slot.localStart} on ${slot.localDate}.`, 'startAt');
  return slot;
}

/** A person cannot be in two appointments at once, with any doctor. */
export function requirePatientFree(db: Db, patientIds: readonly PatientId[], slot: Slot, movingAppointmentId?: string): void {
  const clash = db
    .select({ reference: appointments.reference, startAt: appointments.startAt })
    .from(appointments)
    .where(
      and(
        inArray(appointments.patientId, [...patientIds]),
        inArray(appointments.status, ['SCHEDULED', 'CHECKED_IN']),
        lt(appointments.startAt, slot.endAt),
        gt(appointments.endAt, slot.startAt),
        ...(movingAppointmentId === undefined ? [] : [ne(appointments.id, movingAppointmentId)]),
      ),
    )
    .get();
  if (clash !== undefined) throw conflictError(`This patient already has an appointment at that time (${clash.reference}).`, 'startAt');
}
