import { z } from 'zod';
import { documentMimeTypes, documentTypes } from './document-kinds.ts';

/** A document as the chart lists it: its metadata, whether its file is on this workstation, and whether the reader may open it. */
export const documentSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  encounterId: z.string().nullable(),
  type: z.enum(documentTypes),
  documentDate: z.string(),
  title: z.string(),
  fileName: z.string(),
  mimeType: z.enum(documentMimeTypes),
  sizeBytes: z.number().int(),
  /** SHA-256 of the bytes, hex: the file's name in every store. */
  contentHash: z.string(),
  uploadedByName: z.string(),
  uploadedAt: z.string(),
  /** The bytes are on this workstation; otherwise opening fetches them from the hub. */
  availableHere: z.boolean(),
  mayOpen: z.boolean(),
});
export type DocumentView = z.infer<typeof documentSchema>;

export const openedDocumentSchema = z.object({ document: documentSchema, contentBase64: z.string() });
export type OpenedDocument = z.infer<typeof openedDocumentSchema>;
