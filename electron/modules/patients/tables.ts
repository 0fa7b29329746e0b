import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { allergyStatuses } from '#shared/modules/patients/allergy-status.ts';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, unique, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { clinics } from '../clinics/tables.ts';
import { syncedRowColumns } from '../../db/schema/columns.ts';

export const patients = sqliteTable(
  'patients',
  {
    id: text('id').$type<PatientId>().primaryKey(),
    /** Medical record number, from the registering clinic's leased number block: unique chain-wide. */
    mrn: text('mrn').notNull().unique(),
    /**
     * The provisional number (RFC01-M-PROV3-15) a workstation registered this patient under when
     * it had no leased number left; null for most. It stays when the workstation renames the
     * patient to a leased number, so a wristband or letter printed with it still finds them.
     */
    provisionalMrn: text('provisional_mrn'),
    registeredClinicId: text('registered_clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    sex: text('sex', { enum: ['MALE', 'FEMALE', 'OTHER'] }).notNull(),
    /** YYYY-MM-DD; when only an age was known, an estimate with birthDateEstimated set. */
    birthDate: text('birth_date'),
    birthDateEstimated: integer('birth_date_estimated', { mode: 'boolean' }).notNull().default(false),
    phone: text('phone').notNull().default(''),
    /** The phone's digits reversed, so "ends with these digits" is an index range. */
    phoneDigitsReversed: text('phone_digits_reversed').notNull().default(''),
    email: text('email').notNull().default(''),
    address: text('address').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    nationalId: text('national_id').notNull().default(''),
    emergencyContactName: text('emergency_contact_name').notNull().default(''),
    emergencyContactPhone: text('emergency_contact_phone').notNull().default(''),
    notes: text('notes').notNull().default(''),
    /** Set when this record was merged into another: the survivor. */
    mergedIntoId: text('merged_into_id').$type<PatientId>().references((): AnySQLiteColumn => patients.id),
    ...syncedRowColumns,
    /**
     * Not recorded, no known allergies (a statement), or listed in patient_allergies. Patients
     * registered before it was kept start as not recorded, or listed when they had allergies.
     */
    allergyStatus: text('allergy_status', { enum: allergyStatuses }).notNull().default('NOT_RECORDED'),
    /**
     * Who recorded "no known allergies" and when; null otherwise. No foreign key: the user may
     * work at another clinic of the chain, whose accounts this workstation does not hold.
     */
    allergiesStatedBy: text('allergies_stated_by').$type<UserId>(),
    allergiesStatedAt: text('allergies_stated_at'),
  },
  // Partial indexes: most patients have no national id and were never merged, and those rows
  // need no index entry (a million-patient register stays smaller and loads faster).
  (table) => [
    index('patients_phone_rev_idx').on(table.phoneDigitsReversed).where(sql`${table.phoneDigitsReversed} <> ''`),
    index('patients_birth_date_idx').on(table.birthDate).where(sql`${table.birthDate} is not null`),
    index('patients_merged_into_idx').on(table.mergedIntoId).where(sql`${table.mergedIntoId} is not null`),
    index('patients_national_id_idx').on(table.nationalId).where(sql`${table.nationalId} <> ''`),
    index('patients_provisional_mrn_idx').on(table.provisionalMrn).where(sql`${table.provisionalMrn} is not null`),
    check('patients_sex_check', sql`${table.sex} in ('MALE', 'FEMALE', 'OTHER')`),
  ],
);

/**
 * The other clinics of the chain that see a patient, besides the one that registered them
 * (most patients have only that one, so most need no row here).
 */
export const patientClinics = sqliteTable(
  'patient_clinics',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    ...syncedRowColumns,
  },
  (table) => [unique('patient_clinics_unique').on(table.patientId, table.clinicId), index('patient_clinics_clinic_idx').on(table.clinicId, table.patientId)],
);

export const patientAllergies = sqliteTable(
  'patient_allergies',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    substance: text('substance').notNull(),
    reaction: text('reaction').notNull().default(''),
    severity: text('severity', { enum: ['MILD', 'MODERATE', 'SEVERE', 'UNKNOWN'] }).notNull(),
    ...syncedRowColumns,
  },
  (table) => [index('patient_allergies_patient_idx').on(table.patientId), check('patient_allergies_severity_check', sql`${table.severity} in ('MILD', 'MODERATE', 'SEVERE', 'UNKNOWN')`)],
);

export const patientConditions = sqliteTable(
  'patient_conditions',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    name: text('name').notNull(),
    notes: text('notes').notNull().default(''),
    ...syncedRowColumns,
  },
  (table) => [index('patient_conditions_patient_idx').on(table.patientId)],
);

export type PatientRow = typeof patients.$inferSelect;
export type NewPatientRow = typeof patients.$inferInsert;
export type AllergyRow = typeof patientAllergies.$inferSelect;
export type ConditionRow = typeof patientConditions.$inferSelect;
