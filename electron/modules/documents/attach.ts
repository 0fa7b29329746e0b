import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { validationError } from '#shared/api/errors.ts';
import { DOCUMENT_MAX_BYTES, matchesMimeType, signatureMismatchMessage, tooLargeMessage, type DocumentMimeType, type DocumentType } from '#shared/modules/documents/index.ts';
import type { Db } from '../../db/database.ts';
import { documentUploads, patientDocuments } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

export type Attachment = {
  readonly patientId: PatientId;
  readonly encounterId: string | null;
  readonly type: DocumentType;
  readonly documentDate: string;
  readonly title: string;
  readonly fileName: string;
  readonly mimeType: DocumentMimeType;
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The file's bytes from the call, refused with a sentence a person can act on: not base64, too large, or not what its type says. */
export function fileBytes(contentBase64: string, mimeType: DocumentMimeType): Buffer {
  if (contentBase64.length % 4 !== 0 || !BASE64.test(contentBase64)) throw validationError('contentBase64', 'The file did not arrive whole; choose it again.');
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw validationError('contentBase64', 'The file is empty.');
  if (bytes.length > DOCUMENT_MAX_BYTES) throw validationError('contentBase64', tooLargeMessage(bytes.length));
  if (!matchesMimeType(bytes, mimeType)) throw validationError('contentBase64', signatureMismatchMessage(mimeType));
  return bytes;
}

/**
 * Records a document whose file is stored already (the file first: a crash between leaves a file
 * no row names, never a row without its file), and queues its bytes for the hub.
 */
export function recordDocument(tx: Db, by: { readonly clinicId: ClinicId; readonly userId: UserId; readonly nowMs: number }, attachment: Attachment, file: { readonly hash: string; readonly size: number }): string {
  const now = isoAt(by.nowMs);
  const id = newId();
  tx.insert(patientDocuments)
    .values({ id, clinicId: by.clinicId, ...attachment, sizeBytes: file.size, contentHash: file.hash, uploadedByUserId: by.userId, uploadedAt: now, createdAt: now, updatedAt: now })
    .run();
  tx.insert(documentUploads).values({ contentHash: file.hash, queuedAt: now }).onConflictDoNothing().run();
  return id;
}
