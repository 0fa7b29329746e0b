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
  // Statement journals in memory. A write that fires triggers keeps a copy of every page it first
  // touches, for its own rollback; past 64 KiB (one insert that splits a few index pages) that copy
  // moves to a temporary file for the rest of the transaction, and every later statement's copy is
  // a write to it: measured on a page pulled into a million rows, 40-47 µs an appointment or queue
  // row against 16-19 µs. Temporary tables of large queries live in memory too, which a
  // workstation's memory affords.
  sqlite.pragma('temp_store = MEMORY');
}

/**
 * Runs work whose commits need not wait for the disk: transactions that write only what can be
 * fetched again, a page of the hub's data with the sync position it leads to. In WAL mode such a
 * commit can be lost to a power cut but never half kept, and the next commit that does wait for
 * the disk makes it durable too, the log being written in order; a lost page is pulled again from
 * the position kept before it. Inside a transaction already open, its own commit decides.
 */
export function withoutWaitingForDisk<T>(sqlite: Database.Database, work: () => T): T {
  if (sqlite.inTransaction) return work();
  const previous = Number(sqlite.pragma('synchronous', { simple: true }));
  sqlite.pragma('synchronous = NORMAL');
  try {
    return work();
  } finally {
    sqlite.pragma(`synchronous = ${String(previous)}`);
  }
}
