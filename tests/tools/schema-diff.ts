import { CLOCK_COLUMN } from '#shared/sync/tables.ts';

/**
 * One column as a migrated database reports it: SQLite's declared type (pragma_table_info), or
 * PostgreSQL's data type (information_schema.columns).
 */
export type ColumnShape = { readonly name: string; readonly type: string; readonly notNull: boolean; readonly primaryKey: boolean };

/** A synced table's name and the column its rows are keyed by, as shared/sync/tables.ts declares them. */
export type MirroredTable = { readonly name: string; readonly key: string };

/**
 * Every table the hub creates for itself is named hub_… (migrations/postgres/0000_hub.sql and
 * later); any other table in its schema is a mirror of a workstation table.
 */
export const HUB_OWN_TABLE_PREFIX = 'hub_';

/**
 * The hub type a workstation column is mirrored as, decided by the column's SQLite type affinity
 * (sqlite.org/datatype3.html §3.1) rather than its spelling: text stays text, and integers, and
 * the booleans and other numerics SQLite stores as integers, become bigint (the rule
 * mirror-ddl.ts wrote the mirror with). Reals and blobs have no mirror rule yet: null, so a
 * workstation column of that kind is reported instead of guessed at.
 */
export function hubTypeFor(workstationType: string): 'text' | 'bigint' | null {
  const declared = workstationType.toUpperCase();
  if (declared.includes('INT')) return 'bigint';
  if (/CHAR|CLOB|TEXT/.test(declared)) return 'text';
  if (declared === '' || declared.includes('BLOB') || /REAL|FLOA|DOUB/.test(declared)) return null;
  return 'bigint';
}

function keyOf(columns: readonly ColumnShape[]): string {
  return columns
    .filter((column) => column.primaryKey)
    .map((column) => column.name)
    .join(', ');
}

/**
 * How a synced table's hub mirror differs from the workstation table, one sentence per
 * difference, naming the columns; none when they agree. The clock column is compared to its
 * own rule only: the workstation keeps it as text, the hub as jsonb.
 */
export function mirrorDifferences(table: MirroredTable, workstationColumns: readonly ColumnShape[], hubColumns: readonly ColumnShape[]): string[] {
  if (workstationColumns.length === 0) return [`${table.name}: the workstation has no such table`];
  if (hubColumns.length === 0) return [`${table.name}: the hub has no mirror table`];

  const workstationData = workstationColumns.filter((column) => column.name !== CLOCK_COLUMN);
  const hubData = new Map(hubColumns.filter((column) => column.name !== CLOCK_COLUMN).map((column) => [column.name, column]));
  const workstationNames = new Set(workstationData.map((column) => column.name));
  const differences: string[] = [];

  const missingOnHub = workstationData.filter((column) => !hubData.has(column.name)).map((column) => column.name);
  if (missingOnHub.length > 0) differences.push(`${table.name}: columns missing on the hub: ${missingOnHub.join(', ')}`);
  const onlyOnHub = [...hubData.keys()].filter((name) => !workstationNames.has(name));
  if (onlyOnHub.length > 0) differences.push(`${table.name}: columns on the hub only: ${onlyOnHub.join(', ')}`);

  for (const column of workstationData) {
    const mirrored = hubData.get(column.name);
    if (mirrored === undefined) continue;
    const expected = hubTypeFor(column.type);
    if (expected === null) differences.push(`${table.name}.${column.name}: workstation type ${column.type} has no hub mirror type`);
    else if (mirrored.type !== expected) differences.push(`${table.name}.${column.name}: ${mirrored.type} on the hub, expected ${expected} for workstation ${column.type}`);
  }

  const hubKey = keyOf(hubColumns);
  if (hubKey !== table.key) differences.push(`${table.name}: the hub's primary key is (${hubKey}), expected (${table.key})`);
  const workstationKey = keyOf(workstationColumns);
  if (workstationKey !== table.key) differences.push(`${table.name}: the workstation's primary key is (${workstationKey}), not the sync key (${table.key})`);

  const clock = hubColumns.find((column) => column.name === CLOCK_COLUMN);
  if (clock === undefined) differences.push(`${table.name}: the hub has no ${CLOCK_COLUMN}`);
  else if (clock.type !== 'jsonb' || !clock.notNull) differences.push(`${table.name}.${CLOCK_COLUMN}: ${clock.type}${clock.notNull ? ' not null' : ''} on the hub, expected jsonb not null`);

  return differences;
}

/** Tables in the hub's schema that are neither the hub's own nor a mirror of a synced table. */
export function unsyncedMirrors(hubTableNames: Iterable<string>, syncedNames: Iterable<string>): string[] {
  const synced = new Set(syncedNames);
  return [...hubTableNames].filter((name) => !name.startsWith(HUB_OWN_TABLE_PREFIX) && !synced.has(name));
}
