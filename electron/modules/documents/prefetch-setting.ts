import type Database from 'better-sqlite3';
import { readMeta, writeMeta } from '../../db/local-meta.ts';

/**
 * By default a workstation fetches ahead documents up to 2 MB (a letter, a photo) so they open at
 * once even offline, and leaves larger scans until someone opens them: a clinic's worth of
 * imaging on every desk would fill disks and the line for nothing. 0 fetches nothing ahead.
 */
export const DEFAULT_PREFETCH_MAX_BYTES = 2 * 1024 * 1024;

export function prefetchLimitBytes(sqlite: Database.Database): number {
  const held = Number(readMeta(sqlite, 'document_prefetch_max_bytes') ?? Number.NaN);
  return Number.isInteger(held) && held >= 0 ? held : DEFAULT_PREFETCH_MAX_BYTES;
}

export function setPrefetchLimitBytes(sqlite: Database.Database, bytes: number): void {
  writeMeta(sqlite, 'document_prefetch_max_bytes', String(bytes));
}
