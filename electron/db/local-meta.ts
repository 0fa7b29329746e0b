import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { localMeta } from './schema/index.ts';
import { statement } from './statements.ts';

// local_meta is a key/value table: its keys are declared here, so a misspelt key does not
// compile instead of reading nothing.

/** The hub link and how far sync got: read together by readSyncSettings (sync/settings.ts). */
export const SYNC_SETTING_KEYS = ['hub_url', 'hub_credential', 'hub_id', 'hub_epoch', 'hub_position', 'hub_clinic_id', 'hub_workstation', 'sync_cursor', 'last_sync_at', 'last_error', 'bootstrap_progress', 'last_check'] as const;

/** Every key local_meta holds. */
export const LOCAL_META_KEYS = [
  ...SYNC_SETTING_KEYS,
  /** This database file's own id: a copied or restored file is noticed and enrols as a new device. */
  'database_id',
  'device_id',
  /** This workstation's token letter (references/tokens.ts). */
  'token_series',
  /** How far the hub said it had applied this workstation's changes, at its last answer. */
  'acked_through',
  /** The last push number given: numbers are never given twice, even once their rows are purged. */
  'push_seq_floor',
  /** The hash of the capture triggers installed, to reinstall them when it changes. */
  'capture_triggers',
  /** The triggers a first sync set aside, as JSON, until it puts them back. */
  'bulk_load_triggers',
  /** Documents up to this many bytes are fetched from the hub in the background; larger ones when opened. */
  'document_prefetch_max_bytes',
] as const;

export type LocalMetaKey = (typeof LOCAL_META_KEYS)[number];
export type SyncSettingKey = (typeof SYNC_SETTING_KEYS)[number];

const READ_SQL = `select value from local_meta where key = ?`;
const UPSERT_SQL = `insert into local_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value`;
const DELETE_SQL = `delete from local_meta where key = ?`;

/** A key's value, or undefined when it is not set. Statements are cached: every sync reads some. */
export function readMeta(sqlite: Database.Database, key: LocalMetaKey): string | undefined {
  const value: unknown = statement(sqlite, READ_SQL).pluck().get(key);
  return typeof value === 'string' ? value : undefined;
}

/** Sets a key, or removes it with null; inside the caller's transaction when there is one. */
export function writeMeta(sqlite: Database.Database, key: LocalMetaKey, value: string | null): void {
  if (value === null) statement(sqlite, DELETE_SQL).run(key);
  else statement(sqlite, UPSERT_SQL).run(key, value);
}

/** readMeta for code that holds a drizzle handle (a transaction's, say) rather than the connection. */
export function readMetaWith(db: Db, key: LocalMetaKey): string | undefined {
  return db.select({ value: localMeta.value }).from(localMeta).where(eq(localMeta.key, key)).get()?.value;
}

/** writeMeta for code that holds a drizzle handle rather than the connection. */
export function writeMetaWith(db: Db, key: LocalMetaKey, value: string | null): void {
  if (value === null) db.delete(localMeta).where(eq(localMeta.key, key)).run();
  else db.insert(localMeta).values({ key, value }).onConflictDoUpdate({ target: localMeta.key, set: { value } }).run();
}
