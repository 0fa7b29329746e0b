import { referenceSeries } from '#shared/domain/reference-numbers.ts';
import { eq } from 'drizzle-orm';
import { encounters } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import type { ReferenceRenamer } from '../../sync/participants.ts';

/** A visit opened offline under a provisional reference takes the leased one once the hub leases more. */
export const renumberEncounter: ReferenceRenamer = {
  series: referenceSeries.visit,
  rename: (db, change) => {
    const [row] = db.update(encounters).set({ reference: change.leased, updatedAt: isoAt(change.nowMs) }).where(eq(encounters.reference, change.provisional)).returning({ id: encounters.id }).all();
    return row === undefined ? null : { entityType: 'encounter', entityId: row.id };
  },
};
