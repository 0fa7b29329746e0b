import type { ClinicId } from '#shared/domain/ids.ts';
import type Database from 'better-sqlite3';
import { referenceSeries } from '#shared/domain/reference-numbers.ts';
import { movementKindLabels, type MovementKind } from '#shared/modules/stock/movements.ts';
import { eq } from 'drizzle-orm';
import { statement } from '../../db/statements.ts';
import { stockGoodsReceipts } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { rebuildBatchTotals } from './batch-totals.ts';
import { detectedConflict, type DetectedConflict } from '../../sync/conflicts.ts';
import type { ConflictRowView, ReferenceRenamer, SyncParticipant } from '../../sync/participants.ts';

/**
 * Batches a pulled page of movements left below zero: two counters sold the same last packs while
 * apart. The conflict names the batch and the movements that took packs out of it, so every
 * workstation that sees the same ledger records the same conflict, once.
 */
const OVERSOLD_SQL = `select b.id as batch_id, b.clinic_id, t.on_hand,
    (select json_group_array(m.id) from stock_movements m where m.batch_id = b.id and m.quantity < 0 and m.deleted_at is null) as out_ids
  from stock_batches b join stock_batch_totals t on t.batch_id = b.id
  where b.id in (select m.batch_id from json_each(?) page join stock_movements m on m.id = page.value)
    and t.on_hand < 0`;

function oversoldBatches(sqlite: Database.Database, movementIds: readonly string[]): DetectedConflict[] {
  if (movementIds.length === 0) return [];
  const rows = statement(sqlite, OVERSOLD_SQL).all(JSON.stringify(movementIds)) as { batch_id: string; clinic_id: ClinicId; on_hand: number; out_ids: string }[];
  return rows.map((row) => detectedConflict('STOCK_OVERSOLD', row.clinic_id, [row.batch_id, ...(JSON.parse(row.out_ids) as string[])]));
}

/** The batch row: "Batch L123 of Amoxicillin 500 mg capsule", oversold by how much, and at which counters. */
function oversoldRow(sqlite: Database.Database, id: string): ConflictRowView {
  const batch = statement(
    sqlite,
    `select b.lot, p.generic_name || case when p.strength_text <> '' then ' ' || p.strength_text else '' end as product,
       coalesce((select on_hand from stock_batch_totals where batch_id = b.id), 0) as on_hand,
       (select group_concat(distinct device_name) from stock_movements where batch_id = b.id and quantity < 0 and deleted_at is null) as counters
     from stock_batches b join medicine_products p on p.id = b.product_id where b.id = ?`,
  ).get(id) as { lot: string; product: string; on_hand: number; counters: string | null } | undefined;
  if (batch !== undefined) {
    const standing = batch.on_hand < 0 ? `oversold by ${String(-batch.on_hand)}` : `${String(batch.on_hand)} on hand now`;
    return { id, label: `Batch ${batch.lot} of ${batch.product}`, detail: `${standing} · at ${(batch.counters ?? '').split(',').join(' and ')}` };
  }
  const movement = statement(sqlite, `select m.kind, m.quantity, m.device_name, m.occurred_at, u.full_name from stock_movements m left join users u on u.id = m.user_id where m.id = ?`).get(id) as
    | { kind: MovementKind; quantity: number; device_name: string; occurred_at: string; full_name: string | null }
    | undefined;
  if (movement === undefined) return { id, label: 'Stock movement not on this workstation', detail: '' };
  return { id, label: `${movementKindLabels[movement.kind]}: ${String(Math.abs(movement.quantity))} at ${movement.device_name}`, detail: `${movement.full_name ?? ''} · ${movement.occurred_at}` };
}

/** A goods receipt opened under a provisional reference takes the leased one. */
const renumberGoodsReceipt: ReferenceRenamer = {
  series: referenceSeries.goodsReceipt,
  rename: (db, change) => {
    const [row] = db.update(stockGoodsReceipts).set({ reference: change.leased, updatedAt: isoAt(change.nowMs) }).where(eq(stockGoodsReceipts.reference, change.provisional)).returning({ id: stockGoodsReceipts.id }).all();
    return row === undefined ? null : { entityType: 'stock_goods_receipt', entityId: row.id };
  },
};

export const stockSyncParticipant: SyncParticipant = {
  name: 'stock',
  conflictDetectors: [{ table: 'stock_movements', watches: () => true, detect: (sqlite, _db, ids) => oversoldBatches(sqlite, ids) }],
  conflictRows: { STOCK_OVERSOLD: oversoldRow },
  bulkLoad: { triggers: 'stock\\_movements\\_total\\_%', afterBulkLoad: rebuildBatchTotals },
  referenceRenamers: [renumberGoodsReceipt],
};
