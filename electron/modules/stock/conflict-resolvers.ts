import { sql } from 'drizzle-orm';
import { notFoundError } from '#shared/api/errors.ts';
import { defineConflictResolver } from '../../api/conflict-resolvers.ts';
import { batchOnHand } from './batch-rows.ts';
import { recordMovement } from './ledger.ts';

/**
 * Settles an oversold batch the way the shelf shows it: the packs are gone, so an adjustment
 * brings the ledger back to zero. Both sales stay as they were.
 */
export const settleOversoldBatch = defineConflictResolver('settleOversoldBatch', ({ tx, clinicId, userId, nowMs, involved }, action) => {
  involved(action.rowId);
  const batchId = tx.all<{ batch_id: string }>(sql`select id as batch_id from stock_batches where id = ${action.rowId} union all select batch_id from stock_movements where id = ${action.rowId} limit 1`)[0]?.batch_id;
  const batch = batchId === undefined ? undefined : batchOnHand(tx, clinicId, batchId);
  if (batch === undefined) throw notFoundError('That batch is not on this workstation.');
  if (batch.onHand < 0) {
    recordMovement(tx, { clinicId, batchId: batch.batchId, productId: batch.productId, kind: 'COUNT_ADJUSTMENT', packs: -batch.onHand, reason: 'Oversold at two counters while apart: the shelf is empty', userId, deviceName: '', nowMs });
  }
  return `Batch ${batch.lot} of ${batch.productLabel} set to zero on hand`;
});
