import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { frequencies } from '#shared/modules/prescriptions/frequency.ts';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clinics } from '../clinics/tables.ts';
import { encounters } from '../consultation/tables.ts';
import { medicineProducts } from '../medicines/tables.ts';
import { syncClockColumn, syncedRowColumns } from '../../db/schema/columns.ts';
import { patients } from '../patients/tables.ts';
import { users } from '../users/tables.ts';

/** The prescription of an encounter: its reference, and whether it is signed. */
export const prescriptions = sqliteTable(
  'prescriptions',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    encounterId: text('encounter_id')
      .notNull()
      .unique()
      .references(() => encounters.id),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    doctorUserId: text('doctor_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    /** ABC01-R1234, from the workstation's leased block (or provisional offline, renamed later). */
    reference: text('reference').notNull().unique(),
    status: text('status', { enum: ['DRAFT', 'SIGNED'] }).notNull().default('DRAFT'),
    signedAt: text('signed_at'),
    ...syncedRowColumns,
  },
  (table) => [index('prescriptions_patient_idx').on(table.patientId, table.signedAt), check('prescriptions_status_check', sql`${table.status} in ('DRAFT', 'SIGNED')`)],
);

// The columns a medicine line has, drafted or signed. A dose is stored in thousandths, as an
// integer: the hub mirrors numbers as integers.
function lineColumns() {
  return {
    id: text('id').primaryKey(),
    prescriptionId: text('prescription_id')
      .notNull()
      .references(() => prescriptions.id),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    position: integer('position').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => medicineProducts.id),
    /** The medicine as it read when prescribed, so a later catalogue edit does not change a prescription. */
    productLabel: text('product_label').notNull(),
    doseMilli: integer('dose_milli').notNull(),
    doseUnit: text('dose_unit').notNull(),
    route: text('route'),
    frequency: text('frequency', { enum: frequencies }).notNull(),
    durationDays: integer('duration_days'),
    quantity: integer('quantity'),
    refills: integer('refills').notNull().default(0),
    instructions: text('instructions').notNull().default(''),
    /** JSON: the alerts overridden, each with its reason, who and when. */
    overridesJson: text('overrides_json').notNull().default('[]'),
  };
}

/** A medicine of a draft prescription, edited until the encounter is signed. */
export const prescriptionDraftLines = sqliteTable(
  'prescription_draft_lines',
  { ...lineColumns(), ...syncedRowColumns },
  (table) => [index('prescription_draft_lines_prescription_idx').on(table.prescriptionId)],
);

/** A medicine as signed. Never changed once written. */
export const prescriptionLines = sqliteTable(
  'prescription_lines',
  { ...lineColumns(), signedByUserId: text('signed_by_user_id').$type<UserId>().notNull().references(() => users.id), signedAt: text('signed_at').notNull(), createdAt: text('created_at').notNull(), ...syncClockColumn },
  (table) => [index('prescription_lines_prescription_idx').on(table.prescriptionId), index('prescription_lines_patient_idx').on(table.patientId, table.signedAt)],
);

export type PrescriptionRow = typeof prescriptions.$inferSelect;
export type DraftLineRow = typeof prescriptionDraftLines.$inferSelect;
export type SignedLineRow = typeof prescriptionLines.$inferSelect;
