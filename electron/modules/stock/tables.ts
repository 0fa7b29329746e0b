import type { ClinicId, OrganizationId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { movementKinds } from '#shared/modules/stock/movements.ts';
import { clinics, organizations } from '../clinics/tables.ts';
import { medicineProducts } from '../medicines/tables.ts';
import { users } from '../users/tables.ts';
import { syncedRowColumns } from '../../db/schema/columns.ts';

const quoted = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

export const stockSuppliers = sqliteTable('stock_suppliers', {
  id: text('id').primaryKey(),
  organizationId: text('organization_id').$type<OrganizationId>()
    .notNull()
    .references(() => organizations.id),
  name: text('name').notNull(),
  contact: text('contact').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  ...syncedRowColumns,
});

/** One lot of one product at one clinic. Its quantity on hand is the sum of its movements. */
export const stockBatches = sqliteTable(
  'stock_batches',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    productId: text('product_id')
      .notNull()
      .references(() => medicineProducts.id),
    lot: text('lot').notNull(),
    /** YYYY-MM-DD, the last day of use; null for goods that do not expire. */
    expiryDate: text('expiry_date'),
    costPriceMinor: integer('cost_price_minor').notNull().default(0),
    supplierId: text('supplier_id').references(() => stockSuppliers.id),
    receivedAt: text('received_at').notNull(),
    ...syncedRowColumns,
  },
  (table) => [
    index('stock_batches_product_idx').on(table.clinicId, table.productId, table.expiryDate),
    index('stock_batches_expiry_idx').on(table.clinicId, table.expiryDate),
    check('stock_batches_cost_check', sql`${table.costPriceMinor} >= 0`),
  ],
);

/** A delivery received from a supplier: its lines are its RECEIPT movements. */
export const stockGoodsReceipts = sqliteTable(
  'stock_goods_receipts',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    /** RFC01-G1001, from the clinic's leased numbers (provisional offline when none is left). */
    reference: text('reference').notNull().unique(),
    supplierId: text('supplier_id')
      .notNull()
      .references(() => stockSuppliers.id),
    /** The supplier's delivery note or invoice number. */
    supplierReference: text('supplier_reference').notNull().default(''),
    status: text('status', { enum: ['OPEN', 'POSTED'] }).notNull(),
    receivedByUserId: text('received_by_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    postedAt: text('posted_at'),
    ...syncedRowColumns,
  },
  (table) => [index('stock_goods_receipts_clinic_idx').on(table.clinicId, table.createdAt), check('stock_goods_receipts_status_check', sql`${table.status} in ('OPEN', 'POSTED')`)],
);

/** The stock ledger: one row per movement of packs in or out of a batch, never changed. */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    batchId: text('batch_id')
      .notNull()
      .references(() => stockBatches.id),
    productId: text('product_id')
      .notNull()
      .references(() => medicineProducts.id),
    kind: text('kind', { enum: movementKinds }).notNull(),
    /** Packs, signed: in is positive, out negative. */
    quantity: integer('quantity').notNull(),
    reason: text('reason').notNull().default(''),
    /** The document the movement belongs to: a goods receipt, a sale, a count. */
    documentId: text('document_id'),
    /** For a transfer: the other clinic of the chain. */
    otherClinicId: text('other_clinic_id').$type<ClinicId>(),
    userId: text('user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    /** The counter it was made at, named in a stock conflict. */
    deviceName: text('device_name').notNull().default(''),
    occurredAt: text('occurred_at').notNull(),
    ...syncedRowColumns,
  },
  (table) => [
    // Quantities on hand are sums over these: they carry the tombstone and the quantity so the
    // sums are read from the index alone.
    index('stock_movements_batch_idx').on(table.batchId, table.deletedAt, table.quantity),
    index('stock_movements_product_idx').on(table.clinicId, table.productId, table.deletedAt, table.quantity),
    index('stock_movements_document_idx').on(table.documentId),
    check('stock_movements_kind_check', sql`${table.kind} in (${quoted(movementKinds)})`),
    check('stock_movements_quantity_check', sql`${table.quantity} <> 0`),
  ],
);

/**
 * Each batch's quantity on hand, kept by triggers on the ledger (migration 0028) for every write,
 * local or arriving through sync, so the counter and the alerts read one row per batch instead
 * of summing millions of movements. Derived and local to the workstation: never synced.
 */
export const stockBatchTotals = sqliteTable(
  'stock_batch_totals',
  {
    batchId: text('batch_id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>().notNull(),
    productId: text('product_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
  },
  (table) => [index('stock_batch_totals_product_idx').on(table.clinicId, table.productId, table.onHand)],
);

export type StockBatchRow = typeof stockBatches.$inferSelect;
export type StockMovementRow = typeof stockMovements.$inferSelect;
export type StockSupplierRow = typeof stockSuppliers.$inferSelect;
export type StockGoodsReceiptRow = typeof stockGoodsReceipts.$inferSelect;
