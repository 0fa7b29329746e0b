import { DOCUMENT_MAX_BYTES, documentMimeTypes, MIME_REFUSED_MESSAGE, tooLargeMessage, type DocumentMimeType } from '#shared/modules/documents/index.ts';

/** Why a chosen file cannot be attached, in the core's own words, before it is read; null when it can. */
export function fileProblem(file: File): string | null {
  if (!(documentMimeTypes as readonly string[]).includes(file.type)) return MIME_REFUSED_MESSAGE;
  if (file.size > DOCUMENT_MAX_BYTES) return tooLargeMessage(file.size);
  if (file.size === 0) return 'The file is empty.';
  return null;
}

export function mimeTypeOf(file: File): DocumentMimeType | null {
  return (documentMimeTypes as readonly string[]).includes(file.type) ? (file.type as DocumentMimeType) : null;
}

/** The file's bytes as base64, as the call carries them. */
export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: one call with millions of arguments overflows the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** A title to start from: the file's name without its extension. */
export function titleFromFileName(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim().slice(0, 200);
}

export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
