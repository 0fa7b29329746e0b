import { DIGEST_BUCKET_CHARS, DIGEST_HASH_CHARS, type TableDigest } from '#shared/sync/digest.ts';
import { isSyncedTable, syncedTables, syncedTableNames, type SyncedTableName } from '#shared/sync/tables.ts';
import type { HubQueries } from '../db/hub-db.ts';
import type { MirrorCatalog } from './catalog.ts';
import type { Device } from './devices.ts';
import { hubErrors } from './hub-errors.ts';
import { mirrorRowOut, type WholeRow } from './snapshot.ts';

// The hub's side of "are we equal?" (SYNC.md §10), in SQL over the rows a device's clinics see,
// with the canonical text of shared/sync/digest.ts: the columns by name, each as text, null as
// chr(30), joined by chr(31).

function rowHashSql(catalog: MirrorCatalog, table: SyncedTableName): string {
  const columns = [...(catalog.get(table)?.keys() ?? [])].sort();
  const text = `concat_ws(chr(31), ${columns.map((column) => `coalesce(m."${column}"::text, chr(30))`).join(', ')})`;
  return `('x' || substr(md5(${text}), 1, ${String(DIGEST_HASH_CHARS)}))::bit(${String(DIGEST_HASH_CHARS * 4)})::bigint`;
}

function bucketSql(table: SyncedTableName): string {
  return `substr(md5(m."${syncedTables[table].key}"), 1, ${String(DIGEST_BUCKET_CHARS)})`;
}

function seenBy(table: SyncedTableName): string {
  return `m."${syncedTables[table].key}" in (select row_id from hub_row_clinics where clinic_id = any($1::text[]) and tbl = '${table}')`;
}

function requireTable(table: string): SyncedTableName {
  if (!isSyncedTable(table)) throw hubErrors.badRequest(`The hub keeps no table named "${table}".`);
  return table;
}

const BUCKET_PATTERN = new RegExp(`^[0-9a-f]{${String(DIGEST_BUCKET_CHARS)}}$`);

/** Every replicated table's digest over the rows the device's clinics see. */
export async function tableDigests(db: HubQueries, catalog: MirrorCatalog, device: Device): Promise<Record<string, TableDigest>> {
  const digests: Record<string, TableDigest> = {};
  for (const table of syncedTableNames) {
    const [row] = await db.query<{ count: string; sum: string }>(`select count(*)::text as count, coalesce(sum(${rowHashSql(catalog, table)}), 0)::text as sum from ${table} m where ${seenBy(table)}`, [device.clinicIds]);
    digests[table] = { count: Number(row?.count ?? '0'), sum: row?.sum ?? '0' };
  }
  return digests;
}

/** One table's digest bucket by bucket; empty buckets are left out. */
export async function bucketDigests(db: HubQueries, catalog: MirrorCatalog, device: Device, tableName: string): Promise<Record<string, TableDigest>> {
  const table = requireTable(tableName);
  const rows = await db.query<{ bucket: string; count: string; sum: string }>(
    `select ${bucketSql(table)} as bucket, count(*)::text as count, sum(${rowHashSql(catalog, table)})::text as sum from ${table} m where ${seenBy(table)} group by 1`,
    [device.clinicIds],
  );
  return Object.fromEntries(rows.map((row) => [row.bucket, { count: Number(row.count), sum: row.sum }]));
}

/** A page of one bucket's rows, whole with their clocks, in key order: what a workstation reads again to mend a difference. */
export async function bucketRows(
  db: HubQueries,
  device: Device,
  request: { table: string; bucket: string; after: string | null; limit: number },
): Promise<{ rows: WholeRow[]; next: string | null }> {
  const table = requireTable(request.table);
  if (!BUCKET_PATTERN.test(request.bucket)) throw hubErrors.badRequest('The bucket must be two lower-case hex digits.');
  const key = syncedTables[table].key;
  const found = await db.query<Record<string, unknown>>(`select m.* from ${table} m where ${seenBy(table)} and ${bucketSql(table)} = $2 and m."${key}" > $3 order by m."${key}" limit $4`, [
    device.clinicIds,
    request.bucket,
    request.after ?? '',
    request.limit,
  ]);
  const rows = found.map(mirrorRowOut);
  const last = rows[rows.length - 1];
  return { rows, next: rows.length === request.limit && last !== undefined ? String(last.values[key]) : null };
}
