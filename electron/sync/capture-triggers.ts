import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CLOCK_COLUMN, syncedTables, type SyncedTable, type SyncedTableName } from '#shared/sync/tables.ts';

// Change capture in the database itself (SYNC.md §2): a trigger on every synced table records
// each change in the outbox in the same transaction, whatever code made it. The triggers are
// derived from the table declarations and the live columns, and rebuilt when either changes.

const PREFIX = 'sync_capture_';
const STATE = `(select mode from sync_state where id = 1)`;
const MODE_STANDALONE_OR_CONNECTED = `${STATE} < 2`;

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
    `create trigger ${PREFIX}${table}_insert after insert on ${quote(table)} when ${MODE_STANDALONE_OR_CONNECTED}`,
    'begin',
    `  insert into sync_outbox (txn, hlc, tbl, row_id, kind, data)`,
    `    select txn, hlc, ${literal(table)}, NEW.${key}, 'insert', ${jsonOfRow(columns, 'NEW')} from sync_state where id = 1 and mode = 1;`,
    // Ledger rows never change, so their clock is their creation and need not be stored.
    ...(spec.kind === 'ledger' ? [] : [`  update ${quote(table)} set ${CLOCK_COLUMN} = (select json_object('*', hlc) from sync_state where id = 1) where ${key} = NEW.${key};`]),
    'end',
  ].join('\n');
  if (spec.kind === 'ledger') return [insert];
  const anyChange = columns.map((column) => `OLD.${quote(column)} is NEW.${quote(column)}`).join(' and ');
  const update = [
    `create trigger ${PREFIX}${table}_update after update on ${quote(table)} when ${MODE_STANDALONE_OR_CONNECTED} and not (${anyChange})`,
    'begin',
    `  insert into sync_outbox (txn, hlc, tbl, row_id, kind, data, changed)`,
    `    select txn, hlc, ${literal(table)}, NEW.${key}, 'update', ${jsonOfRow(columns, 'NEW')}, ${changedList(columns, (column) => literal(`"${column}",`), '[', ']')}`,
    `    from sync_state where id = 1 and mode = 1;`,
    `  update ${quote(table)} set ${CLOCK_COLUMN} = json_patch(coalesce(NEW.${CLOCK_COLUMN}, '{}'),`,
    `    (select ${changedList(columns, (column) => `'"${column}":"' || hlc || '",'`, '{', '}')} from sync_state where id = 1))`,
    `    where ${key} = NEW.${key};`,
    'end',
  ].join('\n');
  return [insert, update];
}

/** Every capture trigger, for the synced tables as they are in this database. */
export function allCaptureTriggerSql(sqlite: Database.Database): string[] {
  return (Object.keys(syncedTables) as SyncedTableName[]).flatMap((table) => captureTriggerSql(table, syncedTables[table], dataColumnsOf(sqlite, table)));
}

/** (Re)creates the triggers when the declarations or the columns changed since last time. */
export function installCaptureTriggers(sqlite: Database.Database): boolean {
  const statements = allCaptureTriggerSql(sqlite);
  const hash = createHash('sha256').update(statements.join('\n;\n')).digest('hex');
  const installed = sqlite.prepare(`select value from local_meta where key = 'capture_triggers'`).pluck().get() as string | undefined;
  if (installed === hash) return false;
  sqlite.transaction(() => {
    const existing = sqlite.prepare(`select name from sqlite_master where type = 'trigger' and name like '${PREFIX}%'`).pluck().all() as string[];
    for (const name of existing) sqlite.exec(`drop trigger ${quote(name)}`);
    for (const statement of statements) sqlite.exec(statement);
    sqlite.prepare(`insert into local_meta (key, value) values ('capture_triggers', ?) on conflict (key) do update set value = excluded.value`).run(hash);
  })();
  return true;
}
