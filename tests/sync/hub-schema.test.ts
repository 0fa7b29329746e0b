import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/open.ts';
import { backupsDirIn, databaseFileIn, sourcePaths } from '#core/platform/paths.ts';
import type { HubDb } from '#hub/db/hub-db.ts';
import { migrateHub } from '#hub/db/migrate.ts';
import { hubMigrationsDir } from '#hub/hub-service.ts';
import { registerSharedModules } from '#shared/modules/registry.ts';
import { syncTable, syncedTableNames } from '#shared/sync/tables.ts';
import { noPostgresReason, postgresUrl } from '#tests/support/postgres.ts';
import { openScratchHubDb, type ScratchHubDb } from '#tests/support/scratch-hub-db.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { mirrorDifferences, unsyncedMirrors, type ColumnShape, type MirroredTable } from '#tests/tools/schema-diff.ts';

// The hub mirrors every synced table in its own migrations (migrations/postgres), written apart
// from the workstation's (migrations/sqlite): a column added on one side only is a column whose
// changes the hub refuses or never hands on. So the two are compared as the migrations leave
// real databases, not as either side declares them.

// The synced tables are those the application's modules register at start-up, registered here the same way.
registerSharedModules();
const synced: readonly MirroredTable[] = syncedTableNames().map((name) => ({ name, key: syncTable(name).key }));

type Workstation = { readonly sqlite: Database.Database; readonly close: () => void };

/** A workstation database in a temporary folder, migrated as the app migrates it. */
async function openWorkstation(): Promise<Workstation> {
  const temp = makeTempDir('clinic-hub-schema-');
  const opened = await openDatabase({ file: databaseFileIn(temp.path), migrationsDir: sourcePaths.sqliteMigrations, backupsDir: backupsDirIn(temp.path), nowMs: Date.parse('2026-03-02T09:00:00.000Z') });
  return {
    sqlite: opened.sqlite,
    close: () => {
      opened.sqlite.close();
      temp.remove();
    },
  };
}

/** A workstation table's columns in their order; none if there is no such table. */
function workstationColumnsOf(sqlite: Database.Database, table: string): ColumnShape[] {
  const rows = sqlite.prepare(`select name, type, "notnull" as not_null, pk from pragma_table_info(?) order by cid`).all(table) as { name: string; type: string; not_null: number; pk: number }[];
  return rows.map((row) => ({ name: row.name, type: row.type, notNull: row.not_null === 1, primaryKey: row.pk > 0 }));
}

/** Every table in the hub's schema, with its columns in their order. */
async function hubColumnsByTable(db: HubDb): Promise<Map<string, ColumnShape[]>> {
  const rows = await db.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; primary_key: boolean }>(
    `select c.table_name, c.column_name, c.data_type, c.is_nullable,
       exists (
         select 1 from information_schema.table_constraints t
         join information_schema.key_column_usage k on k.constraint_schema = t.constraint_schema and k.constraint_name = t.constraint_name and k.table_name = t.table_name
         where t.constraint_type = 'PRIMARY KEY' and t.table_schema = c.table_schema and t.table_name = c.table_name and k.column_name = c.column_name
       ) as primary_key
     from information_schema.columns c
     join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name and tb.table_type = 'BASE TABLE'
     where c.table_schema = current_schema()
     order by c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, ColumnShape[]>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? [];
    columns.push({ name: row.column_name, type: row.data_type, notNull: row.is_nullable === 'NO', primaryKey: row.primary_key });
    tables.set(row.table_name, columns);
  }
  return tables;
}

describe.each(['pglite', 'postgres'] as const)('the hub’s mirror tables, migrated on %s, against a migrated workstation', (kind) => {
  const skip = kind === 'postgres' && postgresUrl === null;
  const skipReason = skip ? ` (${noPostgresReason})` : '';
  let workstation: Workstation | null = null;
  let hub: ScratchHubDb | null = null;
  const workstationColumns = new Map<string, ColumnShape[]>();
  let hubColumns = new Map<string, ColumnShape[]>();

  beforeAll(async () => {
    if (skip) return;
    workstation = await openWorkstation();
    for (const table of synced) workstationColumns.set(table.name, workstationColumnsOf(workstation.sqlite, table.name));
    hub = await openScratchHubDb(kind, 'clinic_hub_schema');
    await migrateHub(hub.db, hubMigrationsDir);
    hubColumns = await hubColumnsByTable(hub.db);
  });
  afterAll(async () => {
    workstation?.close();
    await hub?.close();
  });

  it.skipIf(skip).each(synced.map((table) => [table.name, table] as const))(`mirrors %s: the workstation’s columns and types, the same key, and jsonb clocks${skipReason}`, (_name, table) => {
    expect(mirrorDifferences(table, workstationColumns.get(table.name) ?? [], hubColumns.get(table.name) ?? [])).toEqual([]);
  });

  it.skipIf(skip)(`holds no mirror of a table the workstations do not sync${skipReason}`, () => {
    expect(unsyncedMirrors(hubColumns.keys(), syncedTableNames())).toEqual([]);
  });

  it.skipIf(skip)(`reports a column added to a workstation table and not to the hub${skipReason}`, () => {
    // Runs after the comparisons above, on columns they read beforehand; the change is the
    // scratch database's alone and goes with it.
    const sqlite = workstation?.sqlite;
    if (sqlite === undefined) throw new Error('no workstation database');
    sqlite.exec(`alter table patients add column drift_probe text`);
    const patients = synced.find((table) => table.name === 'patients');
    if (patients === undefined) throw new Error('patients is not synced');
    expect(mirrorDifferences(patients, workstationColumnsOf(sqlite, 'patients'), hubColumns.get('patients') ?? [])).toEqual(['patients: columns missing on the hub: drift_probe']);
  });
});

describe('comparing a mirror with its workstation table', () => {
  const table: MirroredTable = { name: 'notes', key: 'id' };
  const column = (name: string, type: string, primaryKey = false): ColumnShape => ({ name, type, notNull: primaryKey, primaryKey });
  const clock: ColumnShape = { name: 'sync_clock', type: 'jsonb', notNull: true, primaryKey: false };

  it('finds nothing between equal tables, whatever the workstation calls its integers and booleans', () => {
    const workstation = [column('id', 'TEXT', true), column('body', 'TEXT'), column('pages', 'INTEGER'), column('pinned', 'BOOLEAN'), column('sync_clock', 'TEXT')];
    const hub = [column('id', 'text', true), column('body', 'text'), column('pages', 'bigint'), column('pinned', 'bigint'), clock];
    expect(mirrorDifferences(table, workstation, hub)).toEqual([]);
  });

  it('names each kind of drift: missing and extra columns, types, keys, clocks, and tables', () => {
    const workstation = [column('id', 'TEXT', true), column('body', 'TEXT'), column('pages', 'INTEGER'), column('weight', 'REAL'), column('sync_clock', 'TEXT')];
    const hub = [column('id', 'text'), column('pages', 'text'), column('weight', 'double precision'), column('author', 'text'), { ...clock, notNull: false }];
    expect(mirrorDifferences(table, workstation, hub)).toEqual([
      'notes: columns missing on the hub: body',
      'notes: columns on the hub only: author',
      'notes.pages: text on the hub, expected bigint for workstation INTEGER',
      'notes.weight: workstation type REAL has no hub mirror type',
      "notes: the hub's primary key is (), expected (id)",
      'notes.sync_clock: jsonb on the hub, expected jsonb not null',
    ]);
    expect(mirrorDifferences(table, workstation, [])).toEqual(['notes: the hub has no mirror table']);
    expect(mirrorDifferences(table, [column('id', 'TEXT', true)], [column('id', 'text', true)])).toEqual(['notes: the hub has no sync_clock']);
    expect(unsyncedMirrors(['hub_feed', 'notes', 'scratch'], ['notes'])).toEqual(['scratch']);
  });
});
