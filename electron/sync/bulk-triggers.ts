import type Database from 'better-sqlite3';
import { syncedTableNames } from '#shared/sync/tables.ts';

const SAVED_KEY = 'bulk_load_triggers';

type SavedTrigger = { readonly name: string; readonly sql: string };

/**
 * A first sync writes a clinic's whole history into empty tables, where the synced tables'
 * insert and update triggers (change capture, the name index) have nothing to do but still cost
 * most of each insert. They are set aside, their exact text kept in the same transaction, and
 * put back when the first sync ends, or at the next start if it was cut off (which then sets them
 * aside again as it resumes). The guards against hard deletes stay.
 */
export function setTriggersAside(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    if (sqlite.prepare(`select 1 from local_meta where key = ?`).get(SAVED_KEY) !== undefined) return;
    const triggers = sqlite
      .prepare(`select name, sql from sqlite_master where type = 'trigger' and tbl_name in (select value from json_each(?)) and name not like '%\\_no\\_delete' escape '\\' order by name`)
      .all(JSON.stringify(syncedTableNames)) as SavedTrigger[];
    sqlite.prepare(`insert into local_meta (key, value) values (?, ?)`).run(SAVED_KEY, JSON.stringify(triggers));
    for (const trigger of triggers) sqlite.exec(`drop trigger "${trigger.name}"`);
  })();
}

/** Puts back the triggers set aside, in the caller's transaction when there is one. */
export function restoreTriggers(sqlite: Database.Database): number {
  return sqlite.transaction(() => {
    const saved = sqlite.prepare(`select value from local_meta where key = ?`).pluck().get(SAVED_KEY) as string | undefined;
    if (saved === undefined) return 0;
    const triggers = JSON.parse(saved) as SavedTrigger[];
    const present = new Set(sqlite.prepare(`select name from sqlite_master where type = 'trigger'`).pluck().all() as string[]);
    for (const trigger of triggers) if (!present.has(trigger.name)) sqlite.exec(trigger.sql);
    sqlite.prepare(`delete from local_meta where key = ?`).run(SAVED_KEY);
    return triggers.length;
  })();
}
