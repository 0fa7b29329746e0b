import type Database from 'better-sqlite3';

export const BUSY_TIMEOUT_MS = 5000;

/**
 * WAL for concurrent readers; synchronous=FULL because in WAL mode NORMAL can lose the last
 * committed transactions (a payment, a visit) on power loss; foreign keys on.
 */
export function applyConnectionPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}
