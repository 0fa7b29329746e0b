import { z } from 'zod';
import { defineCall, rolesAccess } from '../../api/define.ts';
import { localDateSchema, requiredText, uuidSchema } from '../../domain/fields.ts';
import { DOCUMENT_MAX_BYTES, documentMimeTypes, documentTypes, MIME_REFUSED_MESSAGE, tooLargeMessage } from './document-kinds.ts';
import { documentSchema, openedDocumentSchema } from './views.ts';

/** Base64 grows the bytes by a third; a little more for padding. */
const MAX_BASE64_CHARS = Math.ceil(DOCUMENT_MAX_BYTES / 3) * 4 + 4;
/** What a call carrying a file may weigh as JSON: the file in base64 and its metadata. */
export const ATTACH_BODY_MAX_BYTES = MAX_BASE64_CHARS + 64 * 1024;

const patientId = z.uuid({ error: 'Choose a patient' }).brand<'PatientId'>();

// Doctors and the front desk attach (a letter handed in at the desk is scanned there) and list;
// who opens what is decided per document (document-kinds.ts). Pharmacists have no part here.
const chartReaders = rolesAccess('DOCTOR', 'STAFF');

export const documentsCalls = {
  'documents.attach': defineCall({
    access: chartReaders,
    effect: 'write',
    maxBodyBytes: ATTACH_BODY_MAX_BYTES,
    input: z
      .object({
        patientId,
        encounterId: uuidSchema.nullable().default(null),
        type: z.enum(documentTypes, { error: 'Choose what kind of document this is' }),
        documentDate: localDateSchema,
        title: requiredText('Title', 200),
        fileName: requiredText('File name', 255),
        mimeType: z.enum(documentMimeTypes, { error: MIME_REFUSED_MESSAGE }),
        contentBase64: z
          .string({ error: 'Choose a file' })
          .min(1, { error: 'The file is empty' })
          // Past this the file is over the limit whatever it holds; the core measures the bytes themselves.
          .max(MAX_BASE64_CHARS, { error: tooLargeMessage(DOCUMENT_MAX_BYTES + 1) }),
      })
      .strict(),
    output: documentSchema,
  }),
  /** The patient's documents, newest document date first, under merged records too. */
  'documents.ofPatient': defineCall({ access: chartReaders, effect: 'read', input: z.object({ patientId }).strict(), output: z.object({ documents: z.array(documentSchema) }) }),
  /** The document's bytes: from this workstation, or fetched from the hub, checked against the hash, and kept. */
  'documents.open': defineCall({ access: chartReaders, effect: 'read', input: z.object({ documentId: uuidSchema }).strict(), output: openedDocumentSchema }),
} as const;
