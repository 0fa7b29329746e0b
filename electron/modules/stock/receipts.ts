import type { ClinicId } from '#shared/domain/ids.ts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { GoodsReceipt } from '#shared/modules/stock/stock-views.ts';
import type { Db } from '../../db/database.ts';
import { stockGoodsReceipts, stockSuppliers } from '../../db/schema/index.ts';
import { batchesWhere } from './batch-rows.ts';
import type { StockGoodsReceiptRow } from './tables.ts';

// Goods receipts as documents: the header here, its lines read back from the ledger's RECEIPT
// movements that name it.

type ReceiptHeader = Omit<GoodsReceipt, 'lines'>;

const headerColumns = {
  id: stockGoodsReceipts.id,
  reference: stockGoodsReceipts.reference,
  supplierId: stockGoodsReceipts.supplierId,
  supplierName: stockSuppliers.name,
  supplierReference: stockGoodsReceipts.supplierReference,
  status: stockGoodsReceipts.status,
  createdAt: stockGoodsReceipts.createdAt,
  postedAt: stockGoodsReceipts.postedAt,
};

export function receiptRowIn(db: Db, clinicId: ClinicId, receiptId: string): StockGoodsReceiptRow | undefined {
  return db.select().from(stockGoodsReceipts).where(and(eq(stockGoodsReceipts.id, receiptId), eq(stockGoodsReceipts.clinicId, clinicId), isNull(stockGoodsReceipts.deletedAt))).get();
}

export function recentReceipts(db: Db, clinicId: ClinicId, limit = 100): ReceiptHeader[] {
  return db
    .select(headerColumns)
    .from(stockGoodsReceipts)
    .innerJoin(stockSuppliers, eq(stockSuppliers.id, stockGoodsReceipts.supplierId))
    .where(and(eq(stockGoodsReceipts.clinicId, clinicId), isNull(stockGoodsReceipts.deletedAt)))
    .orderBy(desc(stockGoodsReceipts.createdAt))
    .limit(limit)
    .all();
}

export function receiptOf(db: Db, clinicId: ClinicId, receiptId: string): GoodsReceipt | undefined {
  const header = db
    .select(headerColumns)
    .from(stockGoodsReceipts)
    .innerJoin(stockSuppliers, eq(stockSuppliers.id, stockGoodsReceipts.supplierId))
    .where(and(eq(stockGoodsReceipts.id, receiptId), eq(stockGoodsReceipts.clinicId, clinicId)))
    .get();
  if (header === undefined) return undefined;
  const lineRows = db.all<{ id: string; batch_id: string; quantity: number }>(
    sql`select id, batch_id, quantity from stock_movements where document_id = ${receiptId} and kind = 'RECEIPT' and deleted_at is null order by created_at, id`,
  );
  const batches = new Map(batchesWhere(db, sql`b.id in (select batch_id from stock_movements where document_id = ${receiptId})`).map((batch) => [batch.batchId, batch]));
  const lines = lineRows.map((line) => {
    const batch = batches.get(line.batch_id);
    return { movementId: line.id, batchId: line.batch_id, productLabel: batch?.productLabel ?? '', lot: batch?.lot ?? '', expiryDate: batch?.expiryDate ?? null, quantity: line.quantity, costPriceMinor: batch?.costPriceMinor ?? 0 };
  });
  return { ...header, lines };
}
