import type Database from 'better-sqlite3';
import { z } from 'zod';
import { syncedTableNames } from '#shared/sync/tables.ts';
import { readMeta, writeMeta } from '../db/local-meta.ts';
import { CAPTURE_TRIGGER_PREFIX } from './capture-triggers.ts';
import { syncParticipants } from './participants.ts';

const savedTriggersSchema = z.array(z.object({ name: z.string(), sql: z.string() }));
type SavedTrigger = Readonly<z.infer<typeof savedTriggersSchema>[number]>;

/** The triggers set aside: without them no change would be captured, so unreadable ones stop here, loudly. */
function savedTriggersOf(saved: string): SavedTrigger[] {
  let stored: unknown;
  try {
    stored = JSON.parse(saved);
  } catch {
    throw new Error('The triggers a first sync set aside (local_meta bulk_load_triggers) are not JSON; they cannot be put back.');
  }
  const parsed = savedTriggersSchema.safeParse(stored);
  if (!parsed.success) throw new Error(`The triggers a first sync set aside (local_meta bulk_load_triggers) cannot be read, nor put back: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The engine's capture triggers, and those each module rebuilds the work of after a first sync. */
function triggersSetAside(): string[] {
  return [`${CAPTURE_TRIGGER_PREFIX.replace(/_/g, '\\_')}%`, ...syncParticipants().flatMap((participant) => (participant.bulkLoad === undefined ? [] : [participant.bulkLoad.triggers]))];
}

/**
 * A first sync writes a clinic's whole history into empty tables, where the synced tables'
 * insert and update triggers (change capture, the name index) have nothing to do but still cost
 * most of each insert. They are set aside, their exact text kept in the same transaction, and
 * put back when the first sync ends, or at the next start if it was cut off (which then sets them
 * aside again as it resumes); each module then rebuilds what its own kept (afterBulkLoad).
 * Triggers no module declares, the guards among them, stay and fire.
 */
export function setTriggersAside(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    if (readMeta(sqlite, 'bulk_load_triggers') !== undefined) return;
    const triggers = sqlite
      .prepare(`select name, sql from sqlite_master where type = 'trigger' and tbl_name in (select value from json_each(?)) and exists (select 1 from json_each(?) as pattern where name like pattern.value escape '\\') order by name`)
      .all(JSON.stringify(syncedTableNames()), JSON.stringify(triggersSetAside())) as SavedTrigger[];
    writeMeta(sqlite, 'bulk_load_triggers', JSON.stringify(triggers));
    for (const trigger of triggers) sqlite.exec(`drop trigger "${trigger.name}"`);
  })();
}

/** Puts back the triggers set aside, in the caller's transaction when there is one. */
export function restoreTriggers(sqlite: Database.Database): number {
  return sqlite.transaction(() => {
    const saved = readMeta(sqlite, 'bulk_load_triggers');
    if (saved === undefined) return 0;
    const triggers = savedTriggersOf(saved);
    const present = new Set(sqlite.prepare(`select name from sqlite_master where type = 'trigger'`).pluck().all() as string[]);
    for (const trigger of triggers) if (!present.has(trigger.name)) sqlite.exec(trigger.sql);
    writeMeta(sqlite, 'bulk_load_triggers', null);
    return triggers.length;
  })();
}

/** After a first sync: every module rebuilds what its triggers set aside would have kept, in the caller's transaction. */
export function rebuildAfterBulkLoad(sqlite: Database.Database): void {
  for (const participant of syncParticipants()) participant.bulkLoad?.afterBulkLoad(sqlite);
}
