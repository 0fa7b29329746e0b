import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { registerEntryKinds } from '#shared/modules/dispensing/register-views.ts';
import { clinics } from '../clinics/tables.ts';
import { medicineProducts } from '../medicines/tables.ts';
import { prescriptionLines, prescriptions } from '../prescriptions/tables.ts';
import { stockBatches } from '../stock/tables.ts';
import { users } from '../users/tables.ts';
import { syncedRowColumns } from '../../db/schema/columns.ts';

const quoted = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/**
 * One hand-over at the counter of packs of a signed prescription. It follows the patient to every
 * clinic of theirs, so it names no batch (a batch is one clinic's): its lines do, without a
 * foreign key, since another clinic holds the line but never the batch.
 */
export const dispenses = sqliteTable(
  'dispenses',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    prescriptionId: text('prescription_id')
      .notNull()
      .references(() => prescriptions.id),
    patientId: text('patient_id').$type<PatientId>().notNull(),
    pharmacistUserId: text('pharmacist_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    deviceName: text('device_name').notNull().default(''),
    /** JSON: the severe alerts the pharmacist went ahead despite, each with the reason. */
    overridesJson: text('overrides_json').notNull().default('[]'),
    dispensedAt: text('dispensed_at').notNull(),
    ...syncedRowColumns,
  },
  (table) => [index('dispenses_prescription_idx').on(table.prescriptionId), index('dispenses_patient_idx').on(table.patientId)],
);

/** Packs of one prescribed line from one batch. */
export const dispenseLines = sqliteTable(
  'dispense_lines',
  {
    id: text('id').primaryKey(),
    dispenseId: text('dispense_id')
      .notNull()
      .references(() => dispenses.id),
    prescriptionLineId: text('prescription_line_id')
      .notNull()
      .references(() => prescriptionLines.id),
    patientId: text('patient_id').$type<PatientId>().notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => medicineProducts.id),
    /** The clinic's batch, named but not a foreign key: the line travels to clinics without it. */
    batchId: text('batch_id').notNull(),
    lot: text('lot').notNull(),
    quantity: integer('quantity').notNull(),
    /** The clinic's price of one pack when handed over, for the bill; null when it has none. */
    unitPriceMinor: integer('unit_price_minor'),
    ...syncedRowColumns,
  },
  (table) => [index('dispense_lines_dispense_idx').on(table.dispenseId), index('dispense_lines_prescription_line_idx').on(table.prescriptionLineId), check('dispense_lines_quantity_check', sql`${table.quantity} > 0`)],
);

/** The controlled drugs register: a row for every supply of a controlled product, written with it. */
export const controlledRegister = sqliteTable(
  'controlled_register',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    kind: text('kind', { enum: registerEntryKinds }).notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => medicineProducts.id),
    batchId: text('batch_id')
      .notNull()
      .references(() => stockBatches.id),
    /** Packs: positive out of the shelf, negative back onto it. */
    quantity: integer('quantity').notNull(),
    /** To whom: the patient of a dispense; null for a customer at the counter. */
    patientId: text('patient_id').$type<PatientId>(),
    prescriptionId: text('prescription_id'),
    /** The dispense or sale it was written with. */
    documentId: text('document_id').notNull(),
    userId: text('user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    deviceName: text('device_name').notNull().default(''),
    occurredAt: text('occurred_at').notNull(),
    ...syncedRowColumns,
  },
  (table) => [
    index('controlled_register_clinic_idx').on(table.clinicId, table.occurredAt),
    index('controlled_register_product_idx').on(table.clinicId, table.productId, table.occurredAt),
    check('controlled_register_kind_check', sql`${table.kind} in (${quoted(registerEntryKinds)})`),
    check('controlled_register_quantity_check', sql`${table.quantity} <> 0`),
  ],
);

export type DispenseRow = typeof dispenses.$inferSelect;
export type DispenseLineRow = typeof dispenseLines.$inferSelect;
