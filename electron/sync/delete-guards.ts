import type Database from 'better-sqlite3';
import { syncedTableNames } from '#shared/sync/tables.ts';

/**
 * Replicated rows are never hard-deleted: a deletion is a tombstone (deleted_at) that replicates
 * like any change. Every synced table gets a guard that makes a hard delete fail loudly instead
 * of silently diverging; a module's table gets one from its declaration, with no trigger to write.
 * A guard a migration made already (with its own words) is kept.
 */
export function installDeleteGuards(sqlite: Database.Database): number {
  const present = new Set(sqlite.prepare(`select name from sqlite_master where type = 'trigger'`).pluck().all() as string[]);
  const missing = syncedTableNames().filter((table) => !present.has(`${table}_no_delete`));
  if (missing.length === 0) return 0;
  sqlite.transaction(() => {
    for (const table of missing) {
      sqlite.exec(`create trigger "${table}_no_delete" before delete on "${table}" begin select raise(abort, '${table} rows are never deleted; set deleted_at'); end`);
    }
  })();
  return missing.length;
}
