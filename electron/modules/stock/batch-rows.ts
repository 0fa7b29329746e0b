import type { ClinicId } from '#shared/domain/ids.ts';
import { sql, type SQL } from 'drizzle-orm';
import { v5 as uuidv5 } from 'uuid';
import { productLabel } from '#shared/modules/medicines/index.ts';
import type { BatchOnHand } from '#shared/modules/stock/stock-views.ts';
import type { Db } from '../../db/database.ts';

// Batches with their quantity on hand, read from the totals the ledger's triggers keep.

const BATCH_NAMESPACE = '2f0d7c3a-9a4e-4b8e-8f61-5c1d3e7a9b20';

/** A batch's key, made from what it is, so one lot received at two counters offline is one batch. */
export function batchIdFor(clinicId: ClinicId, productId: string, lot: string): string {
  return uuidv5(`${clinicId}\u0000${productId}\u0000${lot.trim().toUpperCase()}`, BATCH_NAMESPACE);
}

type BatchSqlRow = {
  id: string;
  product_id: string;
  generic_name: string;
  brand_name: string;
  strength_text: string;
  dose_form: string;
  lot: string;
  expiry_date: string | null;
  cost_price_minor: number;
  supplier_name: string | null;
  received_at: string;
  on_hand: number;
};

const BATCH_COLUMNS = sql.raw(`b.id, b.product_id, p.generic_name, p.brand_name, p.strength_text, p.dose_form, b.lot, b.expiry_date, b.cost_price_minor, s.name as supplier_name, b.received_at,
  coalesce((select t.on_hand from stock_batch_totals t where t.batch_id = b.id), 0) as on_hand`);

const BATCH_FROM = sql.raw(`from stock_batches b join medicine_products p on p.id = b.product_id left join stock_suppliers s on s.id = b.supplier_id`);

export function batchView(row: BatchSqlRow): BatchOnHand {
  return {
    batchId: row.id,
    productId: row.product_id,
    productLabel: productLabel({ genericName: row.generic_name, brandName: row.brand_name, strengthText: row.strength_text, doseForm: row.dose_form }),
    lot: row.lot,
    expiryDate: row.expiry_date,
    costPriceMinor: row.cost_price_minor,
    supplierName: row.supplier_name,
    receivedAt: row.received_at,
    onHand: row.on_hand,
  };
}

/** Batches matching `where` (over b, the batch, and p, its product), with what follows it (order, limit). */
export function batchesWhere(db: Db, where: SQL, tail: SQL = sql``): BatchOnHand[] {
  return db.all<BatchSqlRow>(sql`select ${BATCH_COLUMNS} ${BATCH_FROM} where b.deleted_at is null and ${where} ${tail}`).map(batchView);
}

export function batchOnHand(db: Db, clinicId: ClinicId, batchId: string): BatchOnHand | undefined {
  return batchesWhere(db, sql`b.clinic_id = ${clinicId} and b.id = ${batchId}`)[0];
}

/** A product's batches at a clinic, for picking. */
export function batchesOfProduct(db: Db, clinicId: ClinicId, productId: string): BatchOnHand[] {
  return batchesWhere(db, sql`b.clinic_id = ${clinicId} and b.product_id = ${productId}`);
}

export function onHandOf(db: Db, batchId: string): number {
  return db.all<{ on_hand: number }>(sql`select coalesce((select on_hand from stock_batch_totals where batch_id = ${batchId}), 0) as on_hand`)[0]?.on_hand ?? 0;
}
