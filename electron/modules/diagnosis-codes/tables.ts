import { icdEditions } from '#shared/modules/diagnosis-codes/code-format.ts';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Reference data each workstation loads for itself (the starter list, or a file an administrator
// imports): not synced, so no sync columns and no capture triggers.

export const diagnosisCodes = sqliteTable('diagnosis_codes', {
  /** With its dot, as a doctor reads it: J06.9. */
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  /** A category or subcategory that has codes below it is a header; only billable codes are recorded. */
  billable: integer('billable', { mode: 'boolean' }).notNull(),
  chapter: integer('chapter').notNull(),
  /** "ICD-10-CM 2025": the edition and version the code was loaded from. */
  edition: text('edition').notNull(),
});

/** The one code set this workstation holds (the row keyed "current"). */
export const diagnosisCodeSets = sqliteTable('diagnosis_code_sets', {
  id: text('id').primaryKey(),
  edition: text('edition', { enum: icdEditions }).notNull(),
  version: text('version').notNull(),
  source: text('source', { enum: ['STARTER', 'IMPORT'] }).notNull(),
  fileName: text('file_name').notNull(),
  codeCount: integer('code_count').notNull(),
  loadedAt: text('loaded_at').notNull(),
  /** Changes at every load, so a search index built from an older set is noticed, whichever process loaded it. */
  loadNumber: integer('load_number').notNull(),
});

export type DiagnosisCodeRow = typeof diagnosisCodes.$inferSelect;
