// What other modules and the layers above may use of the documents module's shared part.
export { DOCUMENT_MAX_BYTES, documentMimeTypes, documentTypeLabels, documentTypes, fileSize, megabytes, MIME_REFUSED_MESSAGE, mayOpenDocument, tooLargeMessage, type DocumentMimeType, type DocumentType } from './document-kinds.ts';
export { matchesMimeType, signatureMismatchMessage } from './file-signature.ts';
export { documentSchema, type DocumentView, type OpenedDocument } from './views.ts';
