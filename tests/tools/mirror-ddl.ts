import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '#core/db/schema/index.ts';
import { CLOCK_COLUMN, syncTable, syncedTableNames, type SyncedTableName } from '#shared/sync/tables.ts';

/** The workstation's tables by SQL name, from the drizzle schema. */
export function workstationTables(): Map<string, SQLiteTable> {
  const tables = new Map<string, SQLiteTable>();
  for (const value of Object.values(schema)) {
    const config = getTableConfig(value as SQLiteTable);
    tables.set(config.name, value as SQLiteTable);
  }
  return tables;
}

/** The synced columns of a workstation table: every column but the clock. */
export function syncedColumnsOf(name: SyncedTableName): { name: string; type: 'text' | 'bigint' }[] {
  const table = workstationTables().get(name);
  if (table === undefined) throw new Error(`no workstation table ${name}`);
  return getTableConfig(table)
    .columns.filter((column) => column.name !== CLOCK_COLUMN)
    .map((column) => ({ name: column.name, type: column.getSQLType() === 'text' ? 'text' : 'bigint' }));
}

/**
 * The hub's mirror of every synced table: the same columns (booleans and integers as bigint,
 * as the workstation stores them), all nullable but the key, plus the per-column clocks.
 * Used once to write migrations/postgres/0001_mirror.sql, and by a test that keeps them equal.
 */
export function mirrorDdl(): string {
  return syncedTableNames()
    .map((name) => {
      const key = syncTable(name).key;
      const columns = syncedColumnsOf(name).map((column) => `\t${column.name} ${column.type}${column.name === key ? ' primary key' : ''}`);
      return `create table ${name} (\n${[...columns, `\t${CLOCK_COLUMN} jsonb not null default '{}'`].join(',\n')}\n);`;
    })
    .join('\n\n');
}
