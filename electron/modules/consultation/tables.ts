import type { ClinicId, DeviceId, PatientId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { diagnosisCertainties, diagnosisRanks, encounterOrigins, encounterStatuses } from '#shared/modules/consultation/encounter.ts';
import { vitalKinds } from '#shared/modules/consultation/vitals.ts';
import { check, index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { appointments } from '../appointments/tables.ts';
import { clinics } from '../clinics/tables.ts';
import { syncClockColumn, syncedRowColumns } from '../../db/schema/columns.ts';
import { patients } from '../patients/tables.ts';
import { queueEntries } from '../queue/tables.ts';
import { users } from '../users/tables.ts';

/** A visit: a patient seen by a doctor, opened from the queue or from the chart. */
export const encounters = sqliteTable(
  'encounters',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    /** ABC01-V1234, from the workstation's leased block (or provisional offline, renamed later). */
    reference: text('reference').notNull().unique(),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    doctorUserId: text('doctor_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    /** The workstation it was opened on. */
    deviceId: text('device_id').$type<DeviceId>().notNull(),
    origin: text('origin', { enum: encounterOrigins }).notNull(),
    queueEntryId: text('queue_entry_id').references(() => queueEntries.id),
    appointmentId: text('appointment_id').references(() => appointments.id),
    status: text('status', { enum: encounterStatuses }).notNull().default('OPEN'),
    startedAt: text('started_at').notNull(),
    signedAt: text('signed_at'),
    completedAt: text('completed_at'),
    ...syncedRowColumns,
  },
  (table) => [
    index('encounters_patient_idx').on(table.patientId, table.startedAt),
    index('encounters_doctor_idx').on(table.clinicId, table.doctorUserId, table.startedAt),
    index('encounters_queue_entry_idx').on(table.queueEntryId),
    index('encounters_appointment_idx').on(table.appointmentId),
    check('encounters_status_check', sql`${table.status} in ('OPEN', 'SIGNED', 'COMPLETED')`),
    check('encounters_origin_check', sql`${table.origin} in ('QUEUE', 'UNSCHEDULED')`),
  ],
);

/** One measurement of one vital sign. Insert-only: a wrong reading is followed by a right one. */
export const encounterVitals = sqliteTable(
  'encounter_vitals',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    /** Null when the front desk took it before the doctor opened the encounter. */
    encounterId: text('encounter_id').references(() => encounters.id),
    kind: text('kind', { enum: vitalKinds }).notNull(),
    /** The reading times 100, as an integer: the hub mirrors numbers as integers, and no vital needs more than two decimals. */
    valueHundredths: integer('value_hundredths').notNull(),
    unit: text('unit').notNull(),
    loinc: text('loinc').notNull(),
    measuredAt: text('measured_at').notNull(),
    recordedByUserId: text('recorded_by_user_id').$type<UserId>().references(() => users.id),
    createdAt: text('created_at').notNull(),
    ...syncClockColumn,
  },
  (table) => [index('encounter_vitals_patient_idx').on(table.patientId, table.measuredAt), index('encounter_vitals_encounter_idx').on(table.encounterId)],
);

/**
 * The unsigned note of an encounter as one workstation last saved it (autosave). One row per
 * workstation and encounter: a workstation only ever writes its own, so offline edits on two
 * never overwrite each other. `basedOn*` names the draft (and its version) this one continued,
 * which tells a hand-over from a concurrent edit.
 */
export const encounterNoteDrafts = sqliteTable(
  'encounter_note_drafts',
  {
    id: text('id').primaryKey(),
    encounterId: text('encounter_id')
      .notNull()
      .references(() => encounters.id),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    deviceId: text('device_id').$type<DeviceId>().notNull(),
    authorUserId: text('author_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull(),
    subjective: text('subjective').notNull().default(''),
    objective: text('objective').notNull().default(''),
    assessment: text('assessment').notNull().default(''),
    plan: text('plan').notNull().default(''),
    /** The diagnoses picked so far, as JSON; they become ledger rows when the note is signed. */
    diagnosesJson: text('diagnoses_json').notNull().default('[]'),
    basedOnDraftId: text('based_on_draft_id'),
    basedOnVersion: integer('based_on_version'),
    ...syncedRowColumns,
  },
  (table) => [unique('encounter_note_drafts_device_unique').on(table.encounterId, table.deviceId)],
);

/** A signed note, or an amendment of one with its reason. Never changed once written. */
export const encounterNotes = sqliteTable(
  'encounter_notes',
  {
    id: text('id').primaryKey(),
    encounterId: text('encounter_id')
      .notNull()
      .references(() => encounters.id),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    kind: text('kind', { enum: ['ORIGINAL', 'AMENDMENT'] }).notNull(),
    amendsNoteId: text('amends_note_id'),
    reason: text('reason').notNull().default(''),
    subjective: text('subjective').notNull(),
    objective: text('objective').notNull(),
    assessment: text('assessment').notNull(),
    plan: text('plan').notNull(),
    authorUserId: text('author_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    deviceId: text('device_id').$type<DeviceId>().notNull(),
    signedAt: text('signed_at').notNull(),
    createdAt: text('created_at').notNull(),
    ...syncClockColumn,
  },
  (table) => [index('encounter_notes_encounter_idx').on(table.encounterId, table.signedAt), index('encounter_notes_patient_idx').on(table.patientId, table.signedAt), check('encounter_notes_kind_check', sql`${table.kind} in ('ORIGINAL', 'AMENDMENT')`)],
);

/** A diagnosis as signed with a note (or added by an amendment). Never changed once written. */
export const encounterDiagnoses = sqliteTable(
  'encounter_diagnoses',
  {
    id: text('id').primaryKey(),
    encounterId: text('encounter_id')
      .notNull()
      .references(() => encounters.id),
    noteId: text('note_id')
      .notNull()
      .references(() => encounterNotes.id),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    rank: text('rank', { enum: diagnosisRanks }).notNull(),
    certainty: text('certainty', { enum: diagnosisCertainties }).notNull(),
    chronic: integer('chronic', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    ...syncClockColumn,
  },
  (table) => [index('encounter_diagnoses_encounter_idx').on(table.encounterId), index('encounter_diagnoses_patient_idx').on(table.patientId, table.chronic)],
);

/** What a completed encounter bills, as charged: billing builds invoices from these. */
export const encounterBillableItems = sqliteTable(
  'encounter_billable_items',
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
    catalogueCode: text('catalogue_code').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    /** Minor units of the clinic's currency. */
    unitPriceMinor: integer('unit_price_minor').notNull(),
    createdAt: text('created_at').notNull(),
    ...syncClockColumn,
  },
  (table) => [index('encounter_billable_items_encounter_idx').on(table.encounterId), check('encounter_billable_items_quantity_check', sql`${table.quantity} > 0`), check('encounter_billable_items_price_check', sql`${table.unitPriceMinor} >= 0`)],
);

/** Text a doctor starts a note from: the clinic's, or a doctor's own. */
export const noteTemplates = sqliteTable(
  'note_templates',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    /** Null: the clinic's, for every doctor. */
    ownerUserId: text('owner_user_id').$type<UserId>().references(() => users.id),
    name: text('name').notNull(),
    subjective: text('subjective').notNull().default(''),
    objective: text('objective').notNull().default(''),
    assessment: text('assessment').notNull().default(''),
    plan: text('plan').notNull().default(''),
    ...syncedRowColumns,
  },
  (table) => [index('note_templates_clinic_idx').on(table.clinicId, table.ownerUserId)],
);

export type EncounterRow = typeof encounters.$inferSelect;
export type NoteDraftRow = typeof encounterNoteDrafts.$inferSelect;
export type SignedNoteRow = typeof encounterNotes.$inferSelect;
