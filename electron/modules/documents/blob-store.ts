import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../../sync/hub-blobs.ts';

// Documents live beside the database, not inside it: a database of scans would make every backup,
// checkpoint and copy as large as the scans. Each file is named by its SHA-256, so one file
// attached twice (to two patients, or twice by mistake) is stored once, and a file read back can
// be checked against its name.

const HASH = /^[0-9a-f]{64}$/;

export function documentsDirIn(dataDir: string): string {
  return join(dataDir, 'documents');
}

/** `<dataDir>/documents/<first two characters>/<hash>`: a few hundred files per folder at most. */
export function blobPathIn(dataDir: string, hash: string): string {
  if (!HASH.test(hash)) throw new Error('a document file is named by a lowercase hex SHA-256');
  return join(documentsDirIn(dataDir), hash.slice(0, 2), hash);
}

export function hasBlob(dataDir: string, hash: string): boolean {
  return existsSync(blobPathIn(dataDir, hash));
}

/** The stored bytes, or null when the file is missing or no longer matches its hash (a damaged disk). */
export function readBlob(dataDir: string, hash: string): Buffer | null {
  const path = blobPathIn(dataDir, hash);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  return sha256Hex(bytes) === hash ? bytes : null;
}

/**
 * Stores bytes under their hash and returns it. Written to a temporary file in the same folder,
 * flushed, then renamed over the name: a crash leaves either no file or the whole file, never a
 * part under the hash's name. A file already there is the same bytes and is kept.
 */
export function writeBlob(dataDir: string, bytes: Buffer): string {
  const hash = sha256Hex(bytes);
  const path = blobPathIn(dataDir, hash);
  if (readBlob(dataDir, hash) !== null) return hash;
  const folder = join(documentsDirIn(dataDir), hash.slice(0, 2));
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `.${hash}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = openSync(temporary, 'wx');
    try {
      writeFileSync(handle, bytes);
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return hash;
}
