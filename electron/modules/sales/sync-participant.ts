import { referenceSeries } from '#shared/domain/reference-numbers.ts';
import { eq } from 'drizzle-orm';
import { sales } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import type { ReferenceRenamer, SyncParticipant } from '../../sync/participants.ts';

/** A sale made offline under a provisional receipt number takes the leased one; the old one still finds it. */
const renumberSale: ReferenceRenamer = {
  series: referenceSeries.saleReceipt,
  rename: (db, change) => {
    const [row] = db.update(sales).set({ receiptNumber: change.leased, updatedAt: isoAt(change.nowMs) }).where(eq(sales.receiptNumber, change.provisional)).returning({ id: sales.id }).all();
    return row === undefined ? null : { entityType: 'sale', entityId: row.id };
  },
};

export const salesSyncParticipant: SyncParticipant = { name: 'sales', referenceRenamers: [renumberSale] };
