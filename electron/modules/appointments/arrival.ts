import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { and, eq } from 'drizzle-orm';
import { conflictError, notFoundError } from '#shared/api/errors.ts';
import { localDateOf } from '#shared/scheduling/slots.ts';
import type { Db } from '../../db/database.ts';
import { appointments } from '../../db/schema/index.ts';
import type { AppointmentRow } from './tables.ts';
import { isoAt } from '../../platform/clock.ts';
import { recordAppointmentEvent } from './appointment-rows.ts';

// What the queue does to a booking: a patient's arrival checks it in, and their leaving the queue
// (seen, or gone without being seen) closes it. The rules are the appointments module's own.

/** A booking of this clinic for today that may be checked in. */
export function appointmentToCheckIn(db: Db, clinic: { readonly clinicId: ClinicId; readonly timeZone: string; readonly today: string }, appointmentId: string): AppointmentRow {
  const appointment = db.select().from(appointments).where(and(eq(appointments.id, appointmentId), eq(appointments.clinicId, clinic.clinicId))).get();
  if (appointment === undefined) throw notFoundError('No such appointment in this clinic.');
  if (appointment.status !== 'SCHEDULED' && appointment.status !== 'NO_SHOW') throw conflictError(`Appointment ${appointment.reference} cannot be checked in: it is ${appointment.status.toLowerCase().replace('_', ' ')}.`);
  const day = localDateOf(appointment.startAt, clinic.timeZone);
  if (day !== clinic.today) throw conflictError(`Appointment ${appointment.reference} is on ${day}, not today.`);
  return appointment;
}

export function checkIn(tx: Db, appointmentId: string, userId: UserId, nowMs: number): void {
  tx.update(appointments).set({ status: 'CHECKED_IN', updatedAt: isoAt(nowMs) }).where(eq(appointments.id, appointmentId)).run();
  recordAppointmentEvent(tx, { appointmentId, kind: 'CHECKED_IN', userId, nowMs });
}

/** Completes a checked-in booking whose patient was seen, or cancels it when they left unseen; any other status stays. */
export function closeCheckedIn(tx: Db, appointmentId: string, outcome: 'SEEN' | 'LEFT_UNSEEN', userId: UserId, nowMs: number): void {
  const status = outcome === 'SEEN' ? 'COMPLETED' : 'CANCELLED';
  const changed = tx
    .update(appointments)
    .set({ status, updatedAt: isoAt(nowMs), ...(outcome === 'LEFT_UNSEEN' ? { cancelReason: 'Left without being seen' } : {}) })
    .where(and(eq(appointments.id, appointmentId), eq(appointments.status, 'CHECKED_IN')))
    .run().changes;
  if (changed > 0) recordAppointmentEvent(tx, { appointmentId, kind: status, userId, nowMs, note: outcome === 'LEFT_UNSEEN' ? 'Left without being seen' : '' });
}
