import type { DocumentMimeType } from './document-kinds.ts';

// A file's first bytes say what it is, whatever its name says. A file whose bytes are not what
// its type claims would not show in the viewer on another workstation; it is refused at once.

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, index) => bytes[at + index] === byte);
}

const ascii = (text: string): number[] => Array.from({ length: text.length }, (_, index) => text.charCodeAt(index));

const signatures: Readonly<Record<DocumentMimeType, (bytes: Uint8Array) => boolean>> = {
  'application/pdf': (bytes) => startsWith(bytes, ascii('%PDF-')),
  'image/jpeg': (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]),
  'image/png': (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/webp': (bytes) => startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8),
};

export function matchesMimeType(bytes: Uint8Array, mimeType: DocumentMimeType): boolean {
  return signatures[mimeType](bytes);
}

const typeNames: Readonly<Record<DocumentMimeType, string>> = { 'application/pdf': 'a PDF', 'image/jpeg': 'a JPEG image', 'image/png': 'a PNG image', 'image/webp': 'a WebP image' };

export function signatureMismatchMessage(mimeType: DocumentMimeType): string {
  return `This file is not ${typeNames[mimeType]}, as its type says; it may be damaged or renamed. Only PDF, JPEG, PNG and WebP files can be attached.`;
}
