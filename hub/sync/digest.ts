import { DIGEST_HASH_CHARS, DIGEST_NULL, DIGEST_RANGES, DIGEST_SEPARATOR, type RangeDigest, type TableDigest } from '#shared/sync/digest.ts';
import { isSyncedTable, syncTable, syncedTableNames, type SyncedTableName } from '#shared/sync/tables.ts';
import type { MirrorCatalog } from './catalog.ts';
import type { MirrorSource } from './context.ts';
import type { Device } from './devices.ts';
import { hubErrors } from './hub-errors.ts';

// The hub's side of "are we equal?" (SYNC.md §10), in SQL over the rows a device's clinics see,
// with the canonical text of shared/sync/digest.ts: the columns by name, each as text, null and
// the separator as that file says.

const separatorSql = `chr(${String(DIGEST_SEPARATOR.charCodeAt(0))})`;
const nullSql = `chr(${String(DIGEST_NULL.charCodeAt(0))})`;

function rowHashSql(catalog: MirrorCatalog, table: SyncedTableName): string {
  const columns = [...(catalog.get(table)?.keys() ?? [])].sort();
  const text = `concat_ws(${separatorSql}, ${columns.map((column) => `coalesce(m."${column}"::text, ${nullSql})`).join(', ')})`;
  return `('x' || substr(md5(${text}), 1, ${String(DIGEST_HASH_CHARS)}))::bit(${String(DIGEST_HASH_CHARS * 4)})::bigint`;
}

function seenBy(table: SyncedTableName): string {
  return `m."${syncTable(table).key}" in (select row_id from hub_row_clinics where clinic_id = any($1::text[]) and tbl = '${table}')`;
}

function requireTable(table: string): SyncedTableName {
  if (!isSyncedTable(table)) throw hubErrors.badRequest(`The hub keeps no table named "${table}".`);
  return table;
}

/** Every replicated table's digest over the rows the device's clinics see. */
export async function tableDigests(mirror: MirrorSource, device: Device): Promise<Record<string, TableDigest>> {
  const digests: Record<string, TableDigest> = {};
  for (const table of syncedTableNames()) {
    const [row] = await mirror.db.query<{ count: string; sum: string }>(`select count(*)::text as count, coalesce(sum(${rowHashSql(mirror.catalog, table)}), 0)::text as sum from ${table} m where ${seenBy(table)}`, [device.clinicIds]);
    digests[table] = { count: Number(row?.count ?? '0'), sum: row?.sum ?? '0' };
  }
  return digests;
}

/**
 * One table's digest in ranges of keys holding about as many rows each, in key order: the
 * workstation sums its own rows over the same ranges along its key's index, and reads again only
 * the ranges that differ.
 */
export async function tableRanges(mirror: MirrorSource, device: Device, tableName: string): Promise<RangeDigest[]> {
  const table = requireTable(tableName);
  const key = `m."${syncTable(table).key}"`;
  const rows = await mirror.db.query<{ through: string; count: string; sum: string }>(
    `select max(k) as through, count(*)::text as count, sum(h)::text as sum
     from (select ${key} as k, ${rowHashSql(mirror.catalog, table)} as h, ntile(${String(DIGEST_RANGES)}) over (order by ${key}) as part from ${table} m where ${seenBy(table)}) as ranked
     group by part order by part`,
    [device.clinicIds],
  );
  // The last range runs on past the hub's last key, so a key only the workstation holds still falls in one.
  return rows.map((row, index) => ({ through: index === rows.length - 1 ? null : row.through, count: Number(row.count), sum: row.sum }));
}
