import { CLOCK_COLUMN, syncedTableNames, type SyncedTableName } from '#shared/sync/tables.ts';
import type { HubQueries } from '../db/hub-db.ts';

export type ColumnType = 'text' | 'bigint';
/** The mirror tables as they are in the database: what a pushed change may name. */
export type MirrorCatalog = ReadonlyMap<SyncedTableName, ReadonlyMap<string, ColumnType>>;

export async function readMirrorCatalog(db: HubQueries): Promise<MirrorCatalog> {
  const rows = await db.query<{ table_name: string; column_name: string; data_type: string }>(
    `select table_name, column_name, data_type from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`,
  );
  const catalog = new Map<SyncedTableName, Map<string, ColumnType>>();
  for (const table of syncedTableNames()) catalog.set(table, new Map());
  for (const row of rows) {
    const columns = catalog.get(row.table_name);
    if (columns === undefined || row.column_name === CLOCK_COLUMN) continue;
    columns.set(row.column_name, row.data_type === 'bigint' || row.data_type === 'integer' ? 'bigint' : 'text');
  }
  for (const [table, columns] of catalog) if (columns.size === 0) throw new Error(`the hub has no mirror table ${table}`);
  return catalog;
}
