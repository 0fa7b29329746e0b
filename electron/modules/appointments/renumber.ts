import { referenceSeries } from '#shared/domain/reference-numbers.ts';
import { eq } from 'drizzle-orm';
import { appointments } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import type { ReferenceRenamer } from '../../sync/participants.ts';

/** An appointment booked under a provisional reference takes the leased one; the provisional one stays in provisional_reference. */
export const renumberAppointment: ReferenceRenamer = {
  series: referenceSeries.appointment,
  rename: (db, change) => {
    const [row] = db.update(appointments).set({ reference: change.leased, updatedAt: isoAt(change.nowMs) }).where(eq(appointments.reference, change.provisional)).returning({ id: appointments.id }).all();
    return row === undefined ? null : { entityType: 'appointment', entityId: row.id };
  },
};
