import type { SyncValue } from '#shared/sync/merge.ts';
import type { SnapshotPage } from '#shared/sync/protocol.ts';
import type { MirrorCatalog } from './catalog.ts';
import type { MirrorSource } from './context.ts';
import { CLOCK_COLUMN, isSyncedTable, syncTable, syncedTableNames, type SyncedTableName } from '#shared/sync/tables.ts';
import type { HubQueries } from '../db/hub-db.ts';
import type { Device } from './devices.ts';
import { hubErrors } from './hub-errors.ts';
import { formatCursor } from './pull.ts';

/**
 * The start of a first sync: the feed position to continue from afterwards, taken before any
 * row is read (rows changed meanwhile come again through the feed and merge to the same result),
 * and how many rows each table holds, for the progress bar.
 */
export async function startSnapshot(db: HubQueries, device: Device): Promise<{ cursor: string | null; totals: Record<string, number> }> {
  const [head] = await db.query<{ txid_text: string; id_text: string; fingerprint: string }>(
    `select txid::text as txid_text, id::text as id_text, fingerprint from hub_feed where clinic_id = any($1::text[]) and txid < pg_snapshot_xmin(pg_current_snapshot()) order by txid desc, id desc limit 1`,
    [device.clinicIds],
  );
  const counts = await db.query<{ tbl: string; total: string }>(`select tbl, count(distinct row_id)::text as total from hub_row_clinics where clinic_id = any($1::text[]) group by tbl`, [device.clinicIds]);
  const totals: Record<string, number> = {};
  for (const table of syncedTableNames()) totals[table] = 0;
  for (const row of counts) totals[row.tbl] = Number(row.total);
  return { cursor: head === undefined ? null : formatCursor({ txid: head.txid_text, id: head.id_text, check: head.fingerprint }), totals };
}

/** A page's columns, rows and clocks as JSON text each (see SnapshotPage), and the key to go on after. */
export type SnapshotPageText = { columnsJson: string; rowsJson: string; clocksJson: string; next: string | null };

type PageRequest = { table: string; after: string | null; through?: string | null | undefined; limit: number };

/**
 * The keys of a page: each clinic's next keys are read in index order and merged, since
 * "clinic_id = any(...)" alone makes PostgreSQL sort every remaining key of the table for each
 * page, a first sync quadratic in its size.
 */
const PAGE_KEYS = `select distinct x.row_id from unnest($1::text[]) as c(clinic_id)
       cross join lateral (select r.row_id from hub_row_clinics r where r.clinic_id = c.clinic_id and r.tbl = $2 and r.row_id > $3 and ($5::text is null or r.row_id <= $5) order by r.row_id limit $4) as x
       order by x.row_id limit $4`;

function pageParams(device: Device, request: PageRequest): unknown[] {
  return [device.clinicIds, request.table, request.after ?? '', request.limit, request.through ?? null];
}

function pageTable(table: string): SyncedTableName {
  if (!isSyncedTable(table)) throw hubErrors.badRequest(`The hub keeps no table named "${table}".`);
  return table;
}

/** The columns a page carries: every column of the mirror table but the clocks, in the table's order. */
function pageColumns(catalog: MirrorCatalog, table: SyncedTableName): string[] {
  return [...(catalog.get(table)?.keys() ?? [])];
}

/** A mirror value as it travels: bigints as numbers. */
function plainValue(value: unknown): SyncValue {
  return typeof value === 'string' || value === null || value === undefined ? (value ?? null) : Number(value);
}

/** One page of a table's rows that the device's clinics see, in key order, resumable from any key, up to an optional last key. */
export async function snapshotPage(mirror: MirrorSource, device: Device, request: PageRequest): Promise<SnapshotPage> {
  const table = pageTable(request.table);
  const key = syncTable(table).key;
  const columns = pageColumns(mirror.catalog, table);
  const found = await mirror.db.query<Record<string, unknown>>(`select m.* from ${table} m where m.${key} in (${PAGE_KEYS}) order by m.${key}`, pageParams(device, request));
  const rows = found.map((row) => columns.map((column) => plainValue(row[column])));
  const clocks = found.map((row) => (row[CLOCK_COLUMN] ?? {}) as Record<string, string>);
  const last = found[found.length - 1];
  return { columns, rows, clocks, next: found.length === request.limit && last !== undefined ? String(last[key]) : null };
}

/**
 * The same page as JSON text written by the database itself. PGlite runs in the hub's thread,
 * where reading rows as objects and serialising them again costs twice what its own JSON
 * functions do; a hub over PostgreSQL, which runs beside it, is quicker with snapshotPage.
 */
export async function snapshotPageJson(mirror: MirrorSource, device: Device, request: PageRequest): Promise<SnapshotPageText> {
  const table = pageTable(request.table);
  const key = syncTable(table).key;
  const columns = pageColumns(mirror.catalog, table);
  const [page] = await mirror.db.query<{ rows_json: string | null; clocks_json: string | null; row_count: number; last_key: string | null }>(
    `select json_agg(json_build_array(${columns.map((column) => `m."${column}"`).join(', ')}) order by m.${key})::text as rows_json,
       json_agg(coalesce(m.${CLOCK_COLUMN}, '{}'::jsonb) order by m.${key})::text as clocks_json,
       count(*)::integer as row_count, max(m.${key}) as last_key
     from ${table} m where m.${key} in (${PAGE_KEYS})`,
    pageParams(device, request),
  );
  const count = page?.row_count ?? 0;
  return { columnsJson: JSON.stringify(columns), rowsJson: page?.rows_json ?? '[]', clocksJson: page?.clocks_json ?? '[]', next: count === request.limit ? (page?.last_key ?? null) : null };
}
