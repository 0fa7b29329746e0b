import type Database from 'better-sqlite3';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const BACKUPS_KEPT = 5;
const BACKUP_PREFIX = 'clinic-before-';

function timestampForFileName(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[:.]/g, '-');
}

/**
 * Copies a live database with SQLite's online backup, then keeps only the newest few copies.
 * Names sort by time, so pruning needs no file dates.
 */
export async function backupBeforeMigration(
  sqlite: Database.Database,
  backupsDir: string,
  nextTag: string,
  nowMs: number,
): Promise<string> {
  mkdirSync(backupsDir, { recursive: true });
  const file = join(backupsDir, `${BACKUP_PREFIX}${timestampForFileName(nowMs)}-${nextTag}.sqlite`);
  await sqlite.backup(file);
  pruneBackups(backupsDir);
  return file;
}

export function listBackups(backupsDir: string): string[] {
  try {
    return readdirSync(backupsDir)
      .filter((name) => name.startsWith(BACKUP_PREFIX) && name.endsWith('.sqlite'))
      .sort();
  } catch {
    return [];
  }
}

function pruneBackups(backupsDir: string): void {
  const backups = listBackups(backupsDir);
  for (const name of backups.slice(0, Math.max(0, backups.length - BACKUPS_KEPT))) {
    rmSync(join(backupsDir, name), { force: true });
  }
}
