import type { ClinicId, OrganizationId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { barcodeKinds, productKinds, routes } from '#shared/modules/medicines/product.ts';
import { clinics, organizations } from '../clinics/tables.ts';
import { syncedRowColumns } from '../../db/schema/columns.ts';

const quoted = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/**
 * A product of the chain's catalogue: a medicine or other goods. Amounts for dose maths are kept
 * in thousandths of their unit as integers (0.125 mg is 125), since the hub mirrors numbers as
 * integers; ingredients and pack sizes are JSON lists edited with the product as one.
 */
export const medicineProducts = sqliteTable(
  'medicine_products',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').$type<OrganizationId>()
      .notNull()
      .references(() => organizations.id),
    kind: text('kind', { enum: productKinds }).notNull(),
    genericName: text('generic_name').notNull(),
    brandName: text('brand_name').notNull().default(''),
    strengthText: text('strength_text').notNull().default(''),
    strengthMilli: integer('strength_milli'),
    strengthUnit: text('strength_unit'),
    doseForm: text('dose_form').notNull().default(''),
    route: text('route', { enum: routes }),
    /** JSON: [{ "name": "amoxicillin", "strength": "500 mg" }]. */
    ingredients: text('ingredients').notNull().default('[]'),
    atcCode: text('atc_code').notNull().default(''),
    therapeuticClass: text('therapeutic_class').notNull().default(''),
    /** JSON list of whole numbers. */
    packSizes: text('pack_sizes').notNull().default('[]'),
    prescriptionOnly: integer('prescription_only', { mode: 'boolean' }).notNull().default(false),
    controlled: integer('controlled', { mode: 'boolean' }).notNull().default(false),
    highAlert: integer('high_alert', { mode: 'boolean' }).notNull().default(false),
    maxDailyDoseMilli: integer('max_daily_dose_milli'),
    maxDailyDoseUnit: text('max_daily_dose_unit'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...syncedRowColumns,
  },
  (table) => [
    index('medicine_products_generic_idx').on(table.organizationId, sql`${table.genericName} collate nocase`),
    index('medicine_products_brand_idx').on(table.organizationId, sql`${table.brandName} collate nocase`),
    check('medicine_products_kind_check', sql`${table.kind} in (${quoted(productKinds)})`),
    check('medicine_products_route_check', sql`${table.route} is null or ${table.route} in (${quoted(routes)})`),
  ],
);

/**
 * A code on a product's pack. Its key is made from the organization and the code as looked up, so
 * the same code added to two products on two workstations offline is one row whose last writer
 * wins: a code never finds two products.
 */
export const medicineBarcodes = sqliteTable(
  'medicine_barcodes',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').$type<OrganizationId>()
      .notNull()
      .references(() => organizations.id),
    productId: text('product_id')
      .notNull()
      .references(() => medicineProducts.id),
    kind: text('kind', { enum: barcodeKinds }).notNull(),
    /** As typed or scanned. */
    code: text('code').notNull(),
    /** A GTIN as 14 digits, a clinic's code upper-cased: what a scan is matched on. */
    lookupCode: text('lookup_code').notNull(),
    ...syncedRowColumns,
  },
  (table) => [
    index('medicine_barcodes_lookup_idx').on(table.organizationId, table.lookupCode),
    index('medicine_barcodes_product_idx').on(table.productId),
    check('medicine_barcodes_kind_check', sql`${table.kind} in (${quoted(barcodeKinds)})`),
  ],
);

/** What one clinic charges for a product and when it reorders; one row per clinic and product (its key is made from both). */
export const medicineClinicSettings = sqliteTable(
  'medicine_clinic_settings',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    productId: text('product_id')
      .notNull()
      .references(() => medicineProducts.id),
    salePriceMinor: integer('sale_price_minor'),
    taxRateBp: integer('tax_rate_bp').notNull().default(0),
    reorderLevel: integer('reorder_level').notNull().default(0),
    ...syncedRowColumns,
  },
  (table) => [
    index('medicine_clinic_settings_product_idx').on(table.productId, table.clinicId),
    check('medicine_clinic_settings_tax_check', sql`${table.taxRateBp} between 0 and 10000`),
    check('medicine_clinic_settings_price_check', sql`${table.salePriceMinor} is null or ${table.salePriceMinor} >= 0`),
  ],
);

/**
 * The interaction knowledge base on this workstation: pairs of ingredients or classes with what
 * happens and what to do. Reference data loaded from a file, never synced: each workstation
 * imports the same published or licensed list.
 */
export const medicineInteractions = sqliteTable(
  'medicine_interactions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'INGREDIENT' or 'CLASS'. */
    firstKind: text('first_kind').notNull(),
    /** Lower-cased: "warfarin", "nsaids". */
    firstName: text('first_name').notNull(),
    secondKind: text('second_kind').notNull(),
    secondName: text('second_name').notNull(),
    severity: text('severity').notNull(),
    effect: text('effect').notNull(),
    advice: text('advice').notNull(),
    source: text('source').notNull().default(''),
  },
  (table) => [
    check('medicine_interactions_kinds_check', sql`${table.firstKind} in ('INGREDIENT', 'CLASS') and ${table.secondKind} in ('INGREDIENT', 'CLASS')`),
    check('medicine_interactions_severity_check', sql`${table.severity} in ('MINOR', 'MODERATE', 'SEVERE', 'CONTRAINDICATED')`),
  ],
);

export type MedicineProductRow = typeof medicineProducts.$inferSelect;
export type MedicineBarcodeRow = typeof medicineBarcodes.$inferSelect;
export type MedicineClinicSettingsRow = typeof medicineClinicSettings.$inferSelect;
export type MedicineInteractionRow = typeof medicineInteractions.$inferSelect;
