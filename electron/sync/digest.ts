import { readRowValues } from '#shared/sync/stored-json.ts';
import { createHash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { DIGEST_HASH_CHARS, digestText, type RangeDigest, type TableDigest } from '#shared/sync/digest.ts';
import type { SyncValue } from '#shared/sync/merge.ts';
import { syncTable, syncedTableNames, type SyncedTableName } from '#shared/sync/tables.ts';
import { dataColumnsOf } from './capture-triggers.ts';
import { rowsInClinic } from './clinic-rows.ts';

// The workstation's side of "are we equal?" (SYNC.md §10): the same digest the hub computes in
// SQL, over this workstation's rows of its clinic (by the rules of its first upload) and the rows
// from the hub that wait aside here (part of this replica, only not yet in their tables).

type Sum = { count: number; sum: bigint };

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

function rowHash(text: string): bigint {
  return BigInt(`0x${md5(text).slice(0, DIGEST_HASH_CHARS)}`);
}

const registered = new WeakSet<Database.Database>();

/** SQL functions for the digest, registered once per connection: only this core's queries use them. */
function registerFunctions(sqlite: Database.Database): void {
  if (registered.has(sqlite)) return;
  // The sum runs in two exact halves of ordinary numbers (28 and 32 bits of each hash, far from
  // 2^53 over any chunk), joined once at the end: a BigInt per row would cost most of the time.
  sqlite.aggregate('sync_digest', {
    varargs: true,
    start: () => ({ high: 0, low: 0 }),
    step: (total: { high: number; low: number }, ...values: unknown[]) => {
      const hex = md5(digestText(values as SyncValue[]));
      total.high += Number.parseInt(hex.slice(0, DIGEST_HASH_CHARS - 8), 16);
      total.low += Number.parseInt(hex.slice(DIGEST_HASH_CHARS - 8, DIGEST_HASH_CHARS), 16);
      return total;
    },
    result: (total: { high: number; low: number }) => ((BigInt(total.high) << 32n) + BigInt(total.low)).toString(),
  });
  registered.add(sqlite);
}

function sortedColumns(sqlite: Database.Database, table: SyncedTableName): string[] {
  return dataColumnsOf(sqlite, table).sort();
}

/** The rows from the hub waiting aside, with their key and share of the digest. */
function parkedShares(sqlite: Database.Database, table: SyncedTableName): { key: string; hash: bigint }[] {
  const columns = sortedColumns(sqlite, table);
  const key = syncTable(table).key;
  const rows = sqlite.prepare(`select data from sync_parked where tbl = ?`).pluck().all(table) as string[];
  return rows.map((data) => {
    const values = readRowValues(data);
    return { key: String(values[key]), hash: rowHash(digestText(columns.map((column) => values[column]))) };
  });
}

function add(sums: Map<string, Sum>, name: string, count: number, sum: bigint): void {
  const current = sums.get(name) ?? { count: 0, sum: 0n };
  sums.set(name, { count: current.count + count, sum: current.sum + sum });
}

function asDigests(sums: Map<string, Sum>): Record<string, TableDigest> {
  return Object.fromEntries([...sums].map(([name, total]) => [name, { count: total.count, sum: total.sum.toString() }]));
}

/**
 * How long one read of the digest may hold the main process, which answers the screens between
 * reads. A chunk of a fixed number of rows held it for 150-300 ms at a million rows.
 */
const CHUNK_TARGET_MS = 10;
const CHUNK_ROWS_FIRST = 1_000;
const CHUNK_ROWS_MIN = 100;
const CHUNK_ROWS_MAX = 50_000;

/** The number of rows per chunk, set from how fast the last chunk was summed. */
export class ChunkPace {
  rows = CHUNK_ROWS_FIRST;

  took(rows: number, ms: number): void {
    // A chunk cut short by the end of its range says little about the pace.
    if (rows < this.rows / 2) return;
    const perMs = rows / Math.max(ms, 0.05);
    this.rows = Math.min(CHUNK_ROWS_MAX, Math.max(CHUNK_ROWS_MIN, Math.round(perMs * CHUNK_TARGET_MS)));
  }
}

const quoted = (name: string): string => `"${name}"`;

/** A statement for a range that runs on to the table's last key, and one for a range with an end. */
type ByEnd = { readonly open: Database.Statement; readonly bounded: Database.Statement };

type RangeStatements = {
  /** The key that ends a chunk of :skip + 1 rows after :after, within the range; none when the range ends first. */
  readonly chunkEnd: ByEnd;
  readonly sum: ByEnd;
};

// Keys are lower-case UUIDs, whose order is the same byte by byte here and under the hub's
// collation, so a range of keys holds the same rows on both sides. A range with an end is read
// by its own statement: "(:through is null or key <= :through)" leaves SQLite no upper bound on
// the index, so each read ran on to the table's last key.
function keysWithin(key: string, bounded: boolean): string {
  return `${key} > :after${bounded ? ` and ${key} <= :through` : ''}`;
}

function rangeParams(after: string, through: string | null, clinicId: string): Record<string, string> {
  return through === null ? { after, clinic: clinicId } : { after, through, clinic: clinicId };
}

/** The statement of a range read, and its parameters. */
function forRange(statements: ByEnd, after: string, through: string | null, clinicId: string): [Database.Statement, Record<string, string>] {
  return [through === null ? statements.open : statements.bounded, rangeParams(after, through, clinicId)];
}

function rangeSums(sqlite: Database.Database, table: SyncedTableName): RangeStatements {
  registerFunctions(sqlite);
  const key = quoted(syncTable(table).key);
  const columns = sortedColumns(sqlite, table).map(quoted).join(', ');
  const scope = clinicScope(sqlite, table);
  // The offset is bound: one compilation per chunk of several milliseconds costs nothing worth a
  // statement per chunk size.
  const chunkEnd = (bounded: boolean): Database.Statement => sqlite.prepare(`select ${key} from "${table}" where ${keysWithin(key, bounded)} and ${scope} order by ${key} limit 1 offset :skip`).pluck();
  const sum = (bounded: boolean): Database.Statement => sqlite.prepare(`select count(*) as count, sync_digest(${columns}) as sum from "${table}" where ${keysWithin(key, bounded)} and ${scope}`);
  return { chunkEnd: { open: chunkEnd(false), bounded: chunkEnd(true) }, sum: { open: sum(false), bounded: sum(true) } };
}

/**
 * Which of a table's rows are the clinic's. A workstation holding only its own clinic (the usual
 * case) holds nothing else, and its ranges are read straight along the key's index.
 */
function clinicScope(sqlite: Database.Database, table: SyncedTableName): string {
  const clinics = sqlite.prepare(`select count(*) from clinics`).pluck().get() as number;
  return clinics <= 1 ? '1 = 1' : rowsInClinic(table);
}

type SumRow = { count: number; sum: string | null };

function inRange(key: string, after: string, through: string | null): boolean {
  return key > after && (through === null || key <= through);
}

/** The digest of the rows after one key up to another (or the last), a chunk at a time with a pause after each. */
async function sumRange(statements: RangeStatements, pace: ChunkPace, clinicId: string, after: string, through: string | null): Promise<Sum> {
  const total: Sum = { count: 0, sum: 0n };
  for (let from = after; ; ) {
    const started = performance.now();
    const [findEnd, params] = forRange(statements.chunkEnd, from, through, clinicId);
    const chunkEnd = (findEnd.get({ ...params, skip: pace.rows - 1 }) as string | undefined) ?? null;
    const [summing, range] = forRange(statements.sum, from, chunkEnd ?? through, clinicId);
    const row = summing.get(range) as SumRow;
    total.count += row.count;
    total.sum += BigInt(row.sum ?? '0');
    pace.took(row.count, performance.now() - started);
    await setImmediate();
    if (chunkEnd === null) return total;
    from = chunkEnd;
  }
}

/** Every replicated table's digest on this workstation, a chunk of rows at a time with a pause between chunks. */
export async function localTableDigests(sqlite: Database.Database, clinicId: string, paceOf: () => ChunkPace = () => new ChunkPace()): Promise<Record<string, TableDigest>> {
  const totals = new Map<string, Sum>();
  for (const table of syncedTableNames()) {
    // Each table finds its own pace: one of narrow rows runs many times as fast as the next.
    const whole = await sumRange(rangeSums(sqlite, table), paceOf(), clinicId, '', null);
    totals.set(table, whole);
    for (const share of parkedShares(sqlite, table)) add(totals, table, 1, share.hash);
  }
  return asDigests(totals);
}

/** One table's digest over the hub's ranges of keys, each read along the key's index. */
export async function localRangeDigests(
  sqlite: Database.Database,
  clinicId: string,
  table: SyncedTableName,
  ranges: readonly { readonly through: string | null }[],
  pace = new ChunkPace(),
): Promise<RangeDigest[]> {
  const statements = rangeSums(sqlite, table);
  const parked = parkedShares(sqlite, table);
  const digests: RangeDigest[] = [];
  let after = '';
  for (const range of ranges) {
    const here = await sumRange(statements, pace, clinicId, after, range.through);
    let count = here.count;
    let sum = here.sum;
    for (const share of parked) {
      if (!inRange(share.key, after, range.through)) continue;
      count += 1;
      sum += share.hash;
    }
    digests.push({ through: range.through, count, sum: sum.toString() });
    after = range.through ?? after;
  }
  return digests;
}

/** The keys of this workstation's rows of its clinic in one range. */
export function localKeysInRange(sqlite: Database.Database, clinicId: string, table: SyncedTableName, after: string, through: string | null): string[] {
  const key = quoted(syncTable(table).key);
  return sqlite.prepare(`select ${key} from "${table}" where ${keysWithin(key, through !== null)} and ${clinicScope(sqlite, table)}`).pluck().all(rangeParams(after, through, clinicId)) as string[];
}
