import type { PatientId, UserId } from '#shared/domain/ids.ts';
import type { Role } from '#shared/domain/roles.ts';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { mayOpenDocument, type DocumentView } from '#shared/modules/documents/index.ts';
import type { Db } from '../../db/database.ts';
import { patientDocuments, users } from '../../db/schema/index.ts';
import { hasBlob } from './blob-store.ts';
import type { PatientDocumentRow } from './tables.ts';

/** Who reads, for what each document shows them. */
export type DocumentReader = { readonly userId: UserId; readonly roles: readonly Role[]; readonly dataDir: string };

/** The one conversion from a row to what the screens are given. */
export function documentView(row: PatientDocumentRow, uploadedByName: string, reader: DocumentReader): DocumentView {
  return {
    id: row.id,
    patientId: row.patientId,
    encounterId: row.encounterId,
    type: row.type,
    documentDate: row.documentDate,
    title: row.title,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    contentHash: row.contentHash,
    uploadedByName,
    uploadedAt: row.uploadedAt,
    availableHere: hasBlob(reader.dataDir, row.contentHash),
    mayOpen: mayOpenDocument(reader.roles, row, reader.userId),
  };
}

function uploaderName(db: Db, userId: UserId): string {
  return db.select({ fullName: users.fullName }).from(users).where(eq(users.id, userId)).get()?.fullName ?? 'Unknown user';
}

/** A document that is not removed, or undefined. */
export function findDocument(db: Db, documentId: string): PatientDocumentRow | undefined {
  return db
    .select()
    .from(patientDocuments)
    .where(and(eq(patientDocuments.id, documentId), isNull(patientDocuments.deletedAt)))
    .get();
}

export function viewOf(db: Db, row: PatientDocumentRow, reader: DocumentReader): DocumentView {
  return documentView(row, uploaderName(db, row.uploadedByUserId), reader);
}

/** The documents of a patient and the records merged into it, newest document date first. */
export function documentsOfPatients(db: Db, patientIds: readonly PatientId[], reader: DocumentReader): DocumentView[] {
  return db
    .select({ row: patientDocuments, uploadedByName: users.fullName })
    .from(patientDocuments)
    .innerJoin(users, eq(users.id, patientDocuments.uploadedByUserId))
    .where(and(inArray(patientDocuments.patientId, [...patientIds]), isNull(patientDocuments.deletedAt)))
    .orderBy(desc(patientDocuments.documentDate), desc(patientDocuments.uploadedAt))
    .all()
    .map(({ row, uploadedByName }) => documentView(row, uploadedByName, reader));
}
