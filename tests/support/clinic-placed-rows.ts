import type { SyncValue } from '#shared/sync/merge.ts';
import { subjectNamed, subjectLinkedBy, subjectOwning, syncTable, type ClinicScope, type SyncedTableName } from '#shared/sync/tables.ts';
import type { MirrorCatalog } from '#hub/sync/catalog.ts';

/** One clinic's place at the hub: its id, its organization's, the device enrolled in it, and one subject of each kind. */
export type ClinicPlace = {
  readonly clinicId: string;
  readonly organizationId: string;
  readonly deviceId: string;
  /** Ids of the clinic's own subjects by subject name: its patient, its user. */
  readonly subjects: Readonly<Record<string, string>>;
};

/** The columns of a scope that place a row, as opposed to what the row says. */
function placingColumns(scope: ClinicScope): string[] {
  switch (scope.by) {
    case 'column':
    case 'subject':
    case 'parent':
      return [scope.column];
    case 'clinicOrSubject':
      return [scope.clinicColumn, scope.subjectColumn];
    default:
      return [];
  }
}

/**
 * A column a test may change in a row without moving it: a text column that neither places it,
 * nor names its organization, its subject or its status.
 */
export function freeTextColumn(catalog: MirrorCatalog, table: SyncedTableName): string {
  const declared = syncTable(table);
  const fixed = new Set<string>([declared.key, 'created_at', 'updated_at', 'deleted_at', ...placingColumns(declared.scope)]);
  if (declared.write.organizationColumn !== undefined) fixed.add(declared.write.organizationColumn);
  if (declared.kind === 'stateMachine') fixed.add(declared.column);
  const owned = subjectOwning(table);
  if (owned?.homeClinicColumn != null) fixed.add(owned.homeClinicColumn);
  if (owned?.organizationColumn != null) fixed.add(owned.organizationColumn);
  const linked = subjectLinkedBy(table);
  if (linked !== null) for (const column of [linked.link.subjectColumn, linked.link.clinicColumn]) fixed.add(column);
  const columns = catalog.get(table) ?? new Map<string, string>();
  for (const [column, type] of columns) if (type === 'text' && !fixed.has(column)) return column;
  // A row of nothing but keys (a link) can still be tombstoned, or touched.
  for (const column of ['deleted_at', 'updated_at']) if (columns.has(column)) return column;
  throw new Error(`table ${table} has no free text column to change in a test`);
}

/** The key a row placed in the clinic takes: the clinic, device, organization or subject it is, else the given one. */
export function placedKey(table: SyncedTableName, place: ClinicPlace, fallback: string): string {
  const declared = syncTable(table);
  const { scope } = declared;
  if (scope.by === 'self') return place.clinicId;
  if (scope.by === 'device') return place.deviceId;
  if (scope.by === 'organization' && scope.organizationColumn === undefined) return place.organizationId;
  if (scope.by === 'subject' && scope.column === declared.key) return place.subjects[scope.subject] ?? fallback;
  return fallback;
}

/**
 * A whole row of any synced table, placed in one clinic by the table's declaration alone: every
 * column the hub mirrors gets a value of its type, and the columns that decide the row's clinics
 * and organization name the clinic's. A table a module adds is covered with nothing to write.
 * parents gives the key of the row a 'parent' scope names, by parent table.
 */
export function rowPlacedIn(catalog: MirrorCatalog, table: SyncedTableName, place: ClinicPlace, key: string, parents: ReadonlyMap<SyncedTableName, string>): Record<string, SyncValue> {
  const declared = syncTable(table);
  const columns: Record<string, SyncValue> = {};
  for (const [column, type] of catalog.get(table) ?? new Map<string, string>()) columns[column] = type === 'bigint' ? 0 : `${column} of ${table}`;
  if ('deleted_at' in columns) columns['deleted_at'] = null;
  const { scope } = declared;
  switch (scope.by) {
    case 'column':
      columns[scope.column] = place.clinicId;
      break;
    case 'subject':
      columns[scope.column] = place.subjects[scope.subject] ?? null;
      break;
    case 'parent':
      columns[scope.column] = parents.get(scope.table) ?? null;
      break;
    case 'clinicOrSubject':
      columns[scope.clinicColumn] = place.clinicId;
      columns[scope.subjectColumn] = place.subjects[scope.subject] ?? null;
      break;
    case 'organization':
      if (scope.organizationColumn !== undefined) columns[scope.organizationColumn] = place.organizationId;
      break;
    default:
      break;
  }
  if (declared.write.organizationColumn !== undefined) columns[declared.write.organizationColumn] = place.organizationId;
  const owned = subjectOwning(table);
  if (owned?.homeClinicColumn != null) columns[owned.homeClinicColumn] = place.clinicId;
  const linked = subjectLinkedBy(table);
  if (linked !== null) {
    columns[linked.link.clinicColumn] = place.clinicId;
    columns[linked.link.subjectColumn] = place.subjects[linked.name] ?? null;
  }
  if (declared.kind === 'stateMachine') columns[declared.column] = Object.keys(declared.ranks)[0] ?? null;
  columns[declared.key] = key;
  return columns;
}

/** The subject names a place must give ids for. */
export function subjectNamesInUse(tables: readonly SyncedTableName[]): string[] {
  const names = new Set<string>();
  for (const table of tables) {
    const { scope } = syncTable(table);
    if (scope.by === 'subject' || scope.by === 'clinicOrSubject') names.add(subjectNamed(scope.subject).name);
  }
  return [...names];
}
