import type { DeviceId, UserId } from '#shared/domain/ids.ts';
import { eq } from 'drizzle-orm';
import { conflictError } from '#shared/api/errors.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import { treatmentPlanSteps } from '../../db/schema/index.ts';
import { bookAppointment } from '../appointments/index.ts';
import { earliestFree } from '../doctors/index.ts';
import { findPatient } from '../patients/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { acceptOnBooking, requireOpen, requirePending } from './plan-writes.ts';
import type { PlanStepRow, TreatmentPlanRow } from './tables.ts';

export type StepBooking = { readonly doctorUserId: UserId | undefined; readonly startAt: string | null };

/** The appointment's reason says which plan and step it is for, within the booking's limit. */
function reasonOf(plan: TreatmentPlanRow, step: PlanStepRow): string {
  const site = step.site === '' ? '' : ` (${step.site})`;
  return `${step.procedureName}${site}: step ${String(step.position)} of ${plan.title}`.slice(0, 300);
}

/**
 * Books a pending step as a follow-up appointment through the appointments' own booking (its slot
 * and double-booking checks), at the chosen time or the doctor's next free slot from the step's
 * planned date, and marks the step booked with the appointment's link.
 */
export function bookStep(tx: Db, clinic: ClinicContext, deviceId: DeviceId, plan: TreatmentPlanRow, step: PlanStepRow, booking: StepBooking): string {
  requireOpen(plan);
  requirePending(step);
  const doctorUserId = booking.doctorUserId ?? plan.doctorUserId;
  let startAt = booking.startAt;
  if (startAt === null) {
    const found = earliestFree(tx, clinic, [doctorUserId], step.plannedDate ?? clinic.today);
    if (found === null) throw conflictError('The doctor has no free slot in the next three months; choose a time.', 'startAt');
    startAt = found.slot.startAt;
  }
  // A plan written on a record later merged into another is booked on the surviving record.
  const survivor = findPatient(tx, plan.patientId)?.mergedIntoId ?? plan.patientId;
  const appointmentId = bookAppointment(tx, clinic, deviceId, { patientId: survivor, doctorUserId, startAt, type: 'FOLLOW_UP', reason: reasonOf(plan, step), notes: '' });
  tx.update(treatmentPlanSteps).set({ status: 'BOOKED', appointmentId, updatedAt: isoAt(clinic.nowMs) }).where(eq(treatmentPlanSteps.id, step.id)).run();
  acceptOnBooking(tx, plan, clinic.nowMs);
  return appointmentId;
}
