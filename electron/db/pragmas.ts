import type Database from 'better-sqlite3';

export const BUSY_TIMEOUT_MS = 5000;
export const CACHE_KIB = 64 * 1024;

/**
 * WAL for concurrent readers; synchronous=FULL because in WAL mode NORMAL can lose the last
 * committed transactions (a payment, a visit) on power loss; foreign keys on.
 */
export function applyConnectionPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // 64 MiB of page cache: a large register's indexes stay in memory instead of being re-read.
  sqlite.pragma(`cache_size = -${CACHE_KIB}`);
}
