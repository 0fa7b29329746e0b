import { z } from 'zod';
import { uuidSchema } from '../../domain/fields.ts';

/** A doctor booked twice for one slot while workstations were apart: one of the bookings is cancelled. */
export const doubleBookingConflict = {
  kind: 'DOUBLE_BOOKING',
  actions: [z.object({ kind: z.literal('cancelAppointment'), appointmentId: uuidSchema }).strict()],
} as const;
