import { randomUUID } from 'node:crypto';
import type { StoredRow } from '#shared/sync/merge.ts';
import { CLOCK_COLUMN, syncTable, type SyncedTableName } from '#shared/sync/tables.ts';
import type { ArrayParam } from '../db/array-params.ts';
import { chunks, type BatchState, type DirtyTable, type RowClinics } from './batch-state.ts';
import type { MirrorCatalog } from './catalog.ts';
import { feedText } from './feed-text.ts';
import { changeFingerprint } from './pull.ts';
import type { FeedEntry } from './related-rows.ts';

// The writes of a push batch once it has applied in memory: its rows, its feed entries and who
// sees each row, each as one statement's part, sent together by oneStatement.

const WRITE_CHUNK = 2_000;

/** One write of a push batch, its parameters numbered from $1. */
export type Write = { readonly sql: string; readonly params: readonly unknown[] };

/**
 * A batch's writes as one statement, each a data-modifying `with` of its own, and the final
 * select as the statement's own query. Sent one at a time, about ten statements a batch, the
 * database waited for the hub between them, and the hub (busy with the next batch's request) was
 * slow to send the next one, all while the batch held its clinic's lock. The writes touch
 * different rows (a batch writes each row once), which is what PostgreSQL asks of writes in one
 * statement, as they all see the same snapshot.
 */
export function oneStatement(writes: readonly Write[], final: Write): Write {
  const params: unknown[] = [];
  const renumber = (write: Write): string => {
    const offset = params.length;
    params.push(...write.params);
    return write.sql.replace(/\$(\d+)/g, (_, number: string) => `$${String(Number(number) + offset)}`);
  };
  const parts = writes.map((write, index) => `w${String(index)} as (${renumber(write)})`);
  const query = renumber(final);
  return { sql: parts.length === 0 ? query : `with ${parts.join(', ')} ${query}`, params };
}

/**
 * How a batch writes: rows it creates by plain inserts, which PostgreSQL makes about 40% cheaper
 * than an insert that first looks for a clash; or everything with `on conflict`. A row the batch
 * read as absent can still clash: another hub process may have created it since (a row sent by
 * two workstations of different clinics, which hold different locks). Such a batch is applied
 * again, reading that row, with every write on conflict.
 */
export type WriteMode = { readonly plainInserts: boolean; clashed: boolean };

/** Whether a row is written by a plain insert: one the batch created, unless the batch is applied again. */
function insertsPlainly(mode: WriteMode, state: BatchState, table: SyncedTableName, id: string): boolean {
  return mode.plainInserts && state.wasAbsent(table, id);
}

/**
 * Rows go as one array per column, unnested by the database: measured against a JSON array of
 * row objects read with json_populate_recordset, the database's side of 2,000 rows of eleven
 * columns went from 48-58 to 28-40 ms, with a fifth of the memory it touches, since no object is
 * parsed and no record built per row. The arrays are typed by the mirror table's own columns, and
 * go in the database's binary format where it takes it (array-params.ts).
 */
export function writeRows(catalog: MirrorCatalog, state: BatchState, changed: readonly DirtyTable[], mode: WriteMode, array: ArrayParam): Write[] {
  const writes: Write[] = [];
  for (const dirty of changed) {
    const { table } = dirty;
    const key = syncTable(table).key;
    const types = catalog.get(table);
    const { created, changed } = splitByCreation(mode, state, dirty);
    // Only the columns the batch names; a column it leaves out keeps its stored value on update
    // and is null on insert, as before.
    const columns = namedColumns(dirty.rows);
    const typeOf = (column: string): 'bigint' | 'text' => (types?.get(column) === 'bigint' ? 'bigint' : 'text');
    const assignments = [...columns.filter((column) => column !== key), CLOCK_COLUMN].map((column) => `${column} = excluded.${column}`).join(', ');
    const arrays = [...columns.map((column, index) => `$${String(index + 1)}::${typeOf(column)}[]`), `$${String(columns.length + 1)}::jsonb[]`].join(', ');
    const insert = `insert into ${table} (${[...columns, CLOCK_COLUMN].join(', ')}) select * from unnest(${arrays})`;
    const params = (part: readonly StoredRow[]): unknown[] => [...columns.map((column) => array(typeOf(column), columnValues(part, column))), array('jsonb', clockTexts(part))];
    for (const part of chunks(created, WRITE_CHUNK)) writes.push({ sql: insert, params: params(part) });
    for (const part of chunks(changed, WRITE_CHUNK)) writes.push({ sql: `${insert} on conflict (${key}) do update set ${assignments}`, params: params(part) });
  }
  return writes;
}

/** A table's changed rows: those the batch creates by plain insert, and the others. */
function splitByCreation(mode: WriteMode, state: BatchState, dirty: DirtyTable): { created: StoredRow[]; changed: StoredRow[] } {
  const created: StoredRow[] = [];
  const changed: StoredRow[] = [];
  for (let index = 0; index < dirty.ids.length; index += 1) {
    const row = dirty.rows[index] as StoredRow;
    if (insertsPlainly(mode, state, dirty.table, dirty.ids[index] as string)) created.push(row);
    else changed.push(row);
  }
  return { created, changed };
}

/** Every column some row names, in the order first met. */
function namedColumns(rows: readonly StoredRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const column in row.values) seen.add(column);
  return [...seen];
}

function columnValues(rows: readonly StoredRow[], column: string): (string | number | null)[] {
  const values: (string | number | null)[] = [];
  for (const row of rows) values.push(row.values[column] ?? null);
  return values;
}

function clockTexts(rows: readonly StoredRow[]): string[] {
  const texts: string[] = [];
  for (const row of rows) texts.push(JSON.stringify(row.clock));
  return texts;
}

/** A feed entry the batch wrote, for RecentFeedEntries once the batch commits: its changes between its brackets. */
export type WrittenEntry = { readonly key: string; readonly clinicId: string; readonly body: Buffer | string };

/**
 * The batch's changes as feed entries, one per clinic. To PostgreSQL the text goes as bytes,
 * encoded once: the driver would measure the text and encode it itself, and the same bytes are
 * what a pull sends. PGlite takes the text.
 */
export function writeFeed(feed: readonly FeedEntry[], origin: string, nowMs: number, asBytes: boolean, written: WrittenEntry[]): Write[] {
  const writes: Write[] = [];
  for (const [clinicId, entries] of entriesByClinic(feed)) {
    const first = entries[0];
    if (first === undefined) continue;
    const { text, body, changeCount } = feedText(entries, origin, asBytes);
    const key = randomUUID();
    written.push({ key, clinicId, body });
    writes.push({
      sql: `insert into hub_feed (clinic_id, origin, changes, change_count, fingerprint, written_at, entry_key) values ($1, $2, $3, $4, $5, to_timestamp($6::double precision / 1000), $7)`,
      params: [clinicId, origin, text, changeCount, changeFingerprint({ origin, row_id: first.rowId, hlc: first.hlc }), nowMs, key],
    });
  }
  return writes;
}

function entriesByClinic(feed: readonly FeedEntry[]): Map<string, FeedEntry[]> {
  const byClinic = new Map<string, FeedEntry[]>();
  for (const entry of feed) {
    let list = byClinic.get(entry.clinicId);
    if (list === undefined) {
      list = [];
      byClinic.set(entry.clinicId, list);
    }
    list.push(entry);
  }
  return byClinic;
}

/** A clinic's [table, id] pairs: of rows the batch created, and of the others. */
type ClinicPairs = { readonly created: [string, string][]; readonly known: [string, string][] };

function addPairs(byClinic: Map<string, ClinicPairs>, state: BatchState, mode: WriteMode, tbl: SyncedTableName, ofTable: ReadonlyMap<string, ReadonlySet<string>>): void {
  for (const [rowId, clinics] of ofTable) {
    const created = insertsPlainly(mode, state, tbl, rowId);
    for (const clinic of clinics) {
      let pairs = byClinic.get(clinic);
      if (pairs === undefined) {
        pairs = { created: [], known: [] };
        byClinic.set(clinic, pairs);
      }
      (created ? pairs.created : pairs.known).push([tbl, rowId]);
    }
  }
}

/**
 * Who sees each row, sent per clinic as two arrays, tables and ids: the clinic's id once, not on
 * every row. A row the batch created has no such pairs yet; the others' may be there already.
 */
export function writeRowClinics(state: BatchState, touched: RowClinics, mode: WriteMode, array: ArrayParam): Write[] {
  const writes: Write[] = [];
  const byClinic = new Map<string, ClinicPairs>();
  for (const [tbl, ofTable] of touched) addPairs(byClinic, state, mode, tbl, ofTable);
  const insert = `insert into hub_row_clinics (clinic_id, tbl, row_id) select $1, tbl, row_id from unnest($2::text[], $3::text[]) as pair(tbl, row_id)`;
  const params = (clinic: string, part: readonly [string, string][]): unknown[] => [clinic, array('text', part.map((pair) => pair[0])), array('text', part.map((pair) => pair[1]))];
  for (const [clinic, { created, known }] of byClinic) {
    for (const part of chunks(created, WRITE_CHUNK)) writes.push({ sql: insert, params: params(clinic, part) });
    for (const part of chunks(known, WRITE_CHUNK)) writes.push({ sql: `${insert} on conflict do nothing`, params: params(clinic, part) });
  }
  return writes;
}
