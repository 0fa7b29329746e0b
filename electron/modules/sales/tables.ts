import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { paymentMethods } from '#shared/money/payments.ts';
import { saleKinds } from '#shared/modules/sales/sale-views.ts';
import { clinics } from '../clinics/tables.ts';
import { medicineProducts } from '../medicines/tables.ts';
import { stockBatches } from '../stock/tables.ts';
import { users } from '../users/tables.ts';
import { syncedRowColumns } from '../../db/schema/columns.ts';

const quoted = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/** A sale at the counter, or a return against one. Amounts are positive minor units either way. */
export const sales = sqliteTable(
  'sales',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    kind: text('kind', { enum: saleKinds }).notNull(),
    /** RFC01-S1001, unique across the chain; provisional offline until the hub leases numbers. */
    receiptNumber: text('receipt_number').notNull().unique(),
    /** The provisional number a sale made offline had before it took its leased one: a printed receipt still finds it. */
    provisionalReceiptNumber: text('provisional_receipt_number'),
    returnOfSaleId: text('return_of_sale_id'),
    grossMinor: integer('gross_minor').notNull(),
    discountMinor: integer('discount_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    changeMinor: integer('change_minor').notNull().default(0),
    cashRoundingMinor: integer('cash_rounding_minor').notNull().default(0),
    reason: text('reason').notNull().default(''),
    sellerUserId: text('seller_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    deviceName: text('device_name').notNull().default(''),
    soldAt: text('sold_at').notNull(),
    ...syncedRowColumns,
  },
  (table) => [
    index('sales_clinic_idx').on(table.clinicId, table.soldAt),
    index('sales_return_of_idx').on(table.returnOfSaleId),
    index('sales_provisional_receipt_idx').on(table.provisionalReceiptNumber),
    check('sales_kind_check', sql`${table.kind} in (${quoted(saleKinds)})`),
    check('sales_total_check', sql`${table.totalMinor} >= 0 and ${table.grossMinor} >= 0 and ${table.discountMinor} >= 0 and ${table.taxMinor} >= 0`),
  ],
);

/** One batch's packs on a sale or a return. */
export const saleLines = sqliteTable(
  'sale_lines',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    position: integer('position').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => medicineProducts.id),
    batchId: text('batch_id')
      .notNull()
      .references(() => stockBatches.id),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    discountMinor: integer('discount_minor').notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    taxMinor: integer('tax_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    returnOfLineId: text('return_of_line_id'),
    ...syncedRowColumns,
  },
  (table) => [index('sale_lines_sale_idx').on(table.saleId, table.position), index('sale_lines_return_of_idx').on(table.returnOfLineId), check('sale_lines_quantity_check', sql`${table.quantity} > 0`)],
);

export const salePayments = sqliteTable(
  'sale_payments',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    method: text('method', { enum: paymentMethods }).notNull(),
    amountMinor: integer('amount_minor').notNull(),
    ...syncedRowColumns,
  },
  (table) => [index('sale_payments_sale_idx').on(table.saleId), check('sale_payments_method_check', sql`${table.method} in (${quoted(paymentMethods)})`), check('sale_payments_amount_check', sql`${table.amountMinor} > 0`)],
);

export type SaleRow = typeof sales.$inferSelect;
export type SaleLineRow = typeof saleLines.$inferSelect;
