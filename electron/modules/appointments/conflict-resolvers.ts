import { and, eq, inArray } from 'drizzle-orm';
import { notFoundError } from '#shared/api/errors.ts';
import { defineConflictResolver } from '../../api/conflict-resolvers.ts';
import { recordAppointmentEvent } from './appointment-rows.ts';
import { appointments } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';

export const cancelDoubleBooking = defineConflictResolver('cancelAppointment', ({ tx, userId, nowMs, involved }, action) => {
  involved(action.appointmentId);
  const row = tx.select().from(appointments).where(eq(appointments.id, action.appointmentId)).get();
  if (row === undefined) throw notFoundError('That appointment is not on this workstation.');
  tx.update(appointments).set({ status: 'CANCELLED', cancelReason: 'Booked twice while workstations were apart', updatedAt: isoAt(nowMs) }).where(and(eq(appointments.id, row.id), inArray(appointments.status, ['SCHEDULED', 'CHECKED_IN']))).run();
  recordAppointmentEvent(tx, { appointmentId: row.id, kind: 'CANCELLED', userId, nowMs, note: 'Double booking resolved' });
  return `Cancelled ${row.reference}`;
});
