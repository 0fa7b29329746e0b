import type { Role } from '../../domain/roles.ts';

/** What a document is, as the chart lists it. */
export const documentTypes = ['REFERRAL_LETTER', 'LAB_REPORT', 'IMAGING', 'PHOTO', 'CONSENT', 'OTHER'] as const;
export type DocumentType = (typeof documentTypes)[number];

export const documentTypeLabels: Readonly<Record<DocumentType, string>> = {
  REFERRAL_LETTER: 'Referral letter',
  LAB_REPORT: 'Lab report',
  IMAGING: 'Imaging',
  PHOTO: 'Photo',
  CONSENT: 'Consent',
  OTHER: 'Other',
};

/**
 * The files the app shows itself (a PDF in a frame, an image inline): anything else could not be
 * viewed on another workstation, and a file type a viewer does not expect is how malware travels.
 */
export const documentMimeTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type DocumentMimeType = (typeof documentMimeTypes)[number];

/** 20 MB: a multi-page scan fits; a video does not, and every workstation of the clinic may fetch it. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A file's size as a list shows it: bytes, KB or MB, a whole number of MB without a decimal. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${String(Math.round(bytes / 1024))} KB`;
  return bytes % (1024 * 1024) === 0 ? `${String(bytes / (1024 * 1024))} MB` : megabytes(bytes);
}

/** The sentence a person reads when a file is too large, the same from the form and from the core. */
export function tooLargeMessage(bytes: number): string {
  return `This file is ${megabytes(bytes)}; a document can be at most ${String(DOCUMENT_MAX_BYTES / (1024 * 1024))} MB. Scan it at a lower resolution or split it into parts.`;
}

export const MIME_REFUSED_MESSAGE = 'Only PDF, JPEG, PNG and WebP files can be attached.';

/**
 * Who opens which document. A doctor opens every one. The front desk sees the list (type, date,
 * title: what the chart summary shows of encounters) and opens the documents of the desk's own
 * work (referral letters, consent forms, other papers) and any it attached itself; lab reports,
 * imaging and photos are clinical content, like the notes the summary leaves out.
 */
export const frontDeskOpenableTypes: readonly DocumentType[] = ['REFERRAL_LETTER', 'CONSENT', 'OTHER'];

export function mayOpenDocument(roles: readonly Role[], document: { readonly type: DocumentType; readonly uploadedByUserId: string }, userId: string): boolean {
  if (roles.includes('DOCTOR')) return true;
  if (!roles.includes('STAFF')) return false;
  return frontDeskOpenableTypes.includes(document.type) || document.uploadedByUserId === userId;
}
