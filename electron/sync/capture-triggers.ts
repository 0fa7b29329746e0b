import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { readMeta, writeMeta } from '../db/local-meta.ts';
import { SYNC_MODE } from './change-stamps.ts';
import { CLOCK_COLUMN, syncTable, syncedTableNames, type SyncedTable } from '#shared/sync/tables.ts';

// Change capture in the database itself (SYNC.md §2): a trigger on every synced table records
// each change in the outbox in the same transaction, whatever code made it. The triggers are
// derived from the table declarations and the live columns, and rebuilt when either changes.

export const CAPTURE_TRIGGER_PREFIX = 'sync_capture_';
const STATE = `(select mode from sync_state where id = 1)`;
/** Standalone and connected come before the modes in which the engine itself writes (change-stamps.ts). */
const MODE_STANDALONE_OR_CONNECTED = `${STATE} < ${String(SYNC_MODE.applying)}`;
const QUEUEING = `mode = ${String(SYNC_MODE.connected)}`;

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function dataColumnsOf(sqlite: Database.Database, table: string): string[] {
  const columns = sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[];
  return columns.filter((column) => column !== CLOCK_COLUMN);
}

function jsonOfRow(columns: readonly string[], row: 'NEW' | 'OLD'): string {
  return `json_object(${columns.map((column) => `${literal(column)}, ${row}.${quote(column)}`).join(', ')})`;
}

/** Builds the text of a JSON array (or object) listing what changed, with plain concatenation. */
function changedList(columns: readonly string[], entry: (column: string) => string, open: string, close: string): string {
  const parts = columns.map((column) => `case when OLD.${quote(column)} is not NEW.${quote(column)} then ${entry(column)} else '' end`);
  return `${literal(open)} || rtrim(${parts.join(' || ')}, ',') || ${literal(close)}`;
}

export function captureTriggerSql(table: string, spec: SyncedTable, columns: readonly string[]): string[] {
  const key = quote(spec.key);
  const insert = [
    `create trigger ${CAPTURE_TRIGGER_PREFIX}${table}_insert after insert on ${quote(table)} when ${MODE_STANDALONE_OR_CONNECTED}`,
    'begin',
    `  insert into sync_outbox (txn, hlc, tbl, row_id, kind, data)`,
    `    select txn, hlc, ${literal(table)}, NEW.${key}, 'insert', ${jsonOfRow(columns, 'NEW')} from sync_state where id = 1 and ${QUEUEING};`,
    // Ledger rows never change, so their clock is their creation and need not be stored.
    ...(spec.kind === 'ledger' ? [] : [`  update ${quote(table)} set ${CLOCK_COLUMN} = (select json_object('*', hlc) from sync_state where id = 1) where ${key} = NEW.${key};`]),
    'end',
  ].join('\n');
  if (spec.kind === 'ledger') return [insert];
  const anyChange = columns.map((column) => `OLD.${quote(column)} is NEW.${quote(column)}`).join(' and ');
  const update = [
    `create trigger ${CAPTURE_TRIGGER_PREFIX}${table}_update after update on ${quote(table)} when ${MODE_STANDALONE_OR_CONNECTED} and not (${anyChange})`,
    'begin',
    `  insert into sync_outbox (txn, hlc, tbl, row_id, kind, data, changed)`,
    `    select txn, hlc, ${literal(table)}, NEW.${key}, 'update', ${jsonOfRow(columns, 'NEW')}, ${changedList(columns, (column) => literal(`"${column}",`), '[', ']')}`,
    `    from sync_state where id = 1 and ${QUEUEING};`,
    `  update ${quote(table)} set ${CLOCK_COLUMN} = json_patch(coalesce(NEW.${CLOCK_COLUMN}, '{}'),`,
    `    (select ${changedList(columns, (column) => `'"${column}":"' || hlc || '",'`, '{', '}')} from sync_state where id = 1))`,
    `    where ${key} = NEW.${key};`,
    'end',
  ].join('\n');
  return [insert, update];
}

/** Every capture trigger, for the synced tables as they are in this database. */
export function allCaptureTriggerSql(sqlite: Database.Database): string[] {
  return syncedTableNames().flatMap((table) => captureTriggerSql(table, syncTable(table), dataColumnsOf(sqlite, table)));
}

/** (Re)creates the triggers when the declarations or the columns changed since last time, or some are missing. */
export function installCaptureTriggers(sqlite: Database.Database): boolean {
  const statements = allCaptureTriggerSql(sqlite);
  const hash = createHash('sha256').update(statements.join('\n;\n')).digest('hex');
  const installed = readMeta(sqlite, 'capture_triggers');
  // A table rebuilt by a migration loses its triggers while the declarations stay the same.
  const existing = sqlite.prepare(`select name from sqlite_master where type = 'trigger' and name like '${CAPTURE_TRIGGER_PREFIX.replace(/_/g, '\\_')}%' escape '\\'`).pluck().all() as string[];
  if (installed === hash && existing.length === statements.length) return false;
  sqlite.transaction(() => {
    for (const name of existing) sqlite.exec(`drop trigger ${quote(name)}`);
    for (const statement of statements) sqlite.exec(statement);
    writeMeta(sqlite, 'capture_triggers', hash);
  })();
  return true;
}
