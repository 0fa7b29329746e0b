import { referenceSeries } from '#shared/domain/reference-numbers.ts';
import { eq } from 'drizzle-orm';
import { prescriptions } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import type { ReferenceRenamer } from '../../sync/participants.ts';

/** A prescription written offline under a provisional reference takes the leased one once the hub leases more. */
export const renumberPrescription: ReferenceRenamer = {
  series: referenceSeries.prescription,
  rename: (db, change) => {
    const [row] = db.update(prescriptions).set({ reference: change.leased, updatedAt: isoAt(change.nowMs) }).where(eq(prescriptions.reference, change.provisional)).returning({ id: prescriptions.id }).all();
    return row === undefined ? null : { entityType: 'prescription', entityId: row.id };
  },
};
