import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { testKinds } from '#shared/modules/orders/catalogue-types.ts';
import { resultFlags } from '#shared/modules/orders/flags.ts';
import { orderStatuses, urgencies } from '#shared/modules/orders/status.ts';
import { check, index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { clinics } from '../clinics/tables.ts';
import { encounters } from '../consultation/tables.ts';
import { syncedRowColumns } from '../../db/schema/columns.ts';
import { patients } from '../patients/tables.ts';
import { users } from '../users/tables.ts';

/**
 * A lab test or imaging study ordered in an encounter. It keeps a copy of what the catalogue said
 * when it was ordered (name, LOINC, price), so a later edition of the list changes no order.
 */
export const diagnosticOrders = sqliteTable(
  'diagnostic_orders',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    encounterId: text('encounter_id')
      .notNull()
      .references(() => encounters.id),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    orderedByUserId: text('ordered_by_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    testCode: text('test_code').notNull(),
    testName: text('test_name').notNull(),
    kind: text('kind', { enum: testKinds }).notNull(),
    loinc: text('loinc'),
    urgency: text('urgency', { enum: urgencies }).notNull(),
    clinicalNote: text('clinical_note').notNull().default(''),
    status: text('status', { enum: orderStatuses }).notNull().default('ORDERED'),
    /** What the encounter bills for it on completion: the code and price (minor units) as ordered. */
    priceCode: text('price_code').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    orderedAt: text('ordered_at').notNull(),
    collectedAt: text('collected_at'),
    resultedAt: text('resulted_at'),
    cancelledAt: text('cancelled_at'),
    cancelReason: text('cancel_reason').notNull().default(''),
    ...syncedRowColumns,
  },
  (table) => [
    index('diagnostic_orders_encounter_idx').on(table.encounterId),
    index('diagnostic_orders_patient_idx').on(table.patientId, table.orderedAt),
    check('diagnostic_orders_status_check', sql`${table.status} in ('ORDERED', 'COLLECTED', 'RESULTED', 'CANCELLED')`),
    check('diagnostic_orders_price_check', sql`${table.unitPriceMinor} >= 0`),
  ],
);

/**
 * One item of an order's result. Its id is derived from the order and the item, so the same item
 * typed on two workstations is one row. Values and range ends are decimal text as typed.
 */
export const diagnosticResults = sqliteTable(
  'diagnostic_results',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => diagnosticOrders.id),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    componentCode: text('component_code').notNull(),
    componentName: text('component_name').notNull(),
    loinc: text('loinc'),
    value: text('value').notNull(),
    unit: text('unit').notNull().default(''),
    rangeLow: text('range_low'),
    rangeHigh: text('range_high'),
    flag: text('flag', { enum: resultFlags }),
    flaggedByHand: integer('flagged_by_hand', { mode: 'boolean' }).notNull().default(false),
    /** A report file attached by the documents module; this module handles no files. */
    documentId: text('document_id'),
    enteredByUserId: text('entered_by_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    enteredAt: text('entered_at').notNull(),
    ...syncedRowColumns,
  },
  (table) => [unique('diagnostic_results_item_unique').on(table.orderId, table.componentCode), index('diagnostic_results_patient_idx').on(table.patientId)],
);

export type DiagnosticOrderRow = typeof diagnosticOrders.$inferSelect;
export type DiagnosticResultRow = typeof diagnosticResults.$inferSelect;
