import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { documentMimeTypes, documentTypes } from '#shared/modules/documents/document-kinds.ts';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clinics } from '../clinics/tables.ts';
import { encounters } from '../consultation/tables.ts';
import { syncedRowColumns } from '../../db/schema/columns.ts';
import { patients } from '../patients/tables.ts';
import { users } from '../users/tables.ts';

/**
 * A document of a patient's chart: what it is and which file holds it. The bytes are not here but
 * in the content-addressed store beside the database (blob-store.ts), named by content_hash.
 */
export const patientDocuments = sqliteTable(
  'patient_documents',
  {
    id: text('id').primaryKey(),
    /** The clinic it was attached in: its organization holds the file at the hub. */
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    encounterId: text('encounter_id').references(() => encounters.id),
    type: text('type', { enum: documentTypes }).notNull(),
    /** The date the document bears (a letter's date, a scan's), not when it was attached. */
    documentDate: text('document_date').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type', { enum: documentMimeTypes }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** SHA-256 of the bytes, lowercase hex. */
    contentHash: text('content_hash').notNull(),
    uploadedByUserId: text('uploaded_by_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    uploadedAt: text('uploaded_at').notNull(),
    ...syncedRowColumns,
  },
  (table) => [
    index('patient_documents_patient_idx').on(table.patientId, table.documentDate),
    index('patient_documents_hash_idx').on(table.contentHash),
    check('patient_documents_type_check', sql`${table.type} in ('REFERRAL_LETTER', 'LAB_REPORT', 'IMAGING', 'PHOTO', 'CONSENT', 'OTHER')`),
    check('patient_documents_size_check', sql`${table.sizeBytes} > 0`),
  ],
);
export type PatientDocumentRow = typeof patientDocuments.$inferSelect;

/**
 * The files this workstation attached whose bytes the hub does not have yet: the sync cycle
 * uploads them after the rows went up. Local to this workstation, never synced.
 */
export const documentUploads = sqliteTable('document_uploads', {
  contentHash: text('content_hash').primaryKey(),
  queuedAt: text('queued_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
});
