import { createHash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { DIGEST_HASH_CHARS, digestText, type RangeDigest, type TableDigest } from '#shared/sync/digest.ts';
import type { SyncValue } from '#shared/sync/merge.ts';
import { syncedTables, syncedTableNames, type SyncedTableName } from '#shared/sync/tables.ts';
import { dataColumnsOf } from './capture-triggers.ts';
import { rowsInClinic } from './initial-upload.ts';

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
  const key = syncedTables[table].key;
  const rows = sqlite.prepare(`select data from sync_parked where tbl = ?`).pluck().all(table) as string[];
  return rows.map((data) => {
    const values = JSON.parse(data) as Record<string, SyncValue>;
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

/** Rows summed between two pauses: a workstation's main process answers its screens meanwhile. */
const CHUNK_ROWS = 20_000;

const quoted = (name: string): string => `"${name}"`;

// Keys are lower-case UUIDs, whose order is the same byte by byte here and under the hub's
// collation, so a range of keys holds the same rows on both sides.
function rangeSums(sqlite: Database.Database, table: SyncedTableName) {
  registerFunctions(sqlite);
  const key = quoted(syncedTables[table].key);
  const columns = sortedColumns(sqlite, table).map(quoted).join(', ');
  const scope = clinicScope(sqlite, table);
  return {
    chunkEnd: sqlite.prepare(`select ${key} from "${table}" where ${key} > :after and ${scope} order by ${key} limit 1 offset ${String(CHUNK_ROWS - 1)}`).pluck(),
    sum: sqlite.prepare(`select count(*) as count, sync_digest(${columns}) as sum from "${table}" where ${key} > :after and (:through is null or ${key} <= :through) and ${scope}`),
  };
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

/** Every replicated table's digest on this workstation, a chunk of rows at a time with a pause between chunks. */
export async function localTableDigests(sqlite: Database.Database, clinicId: string): Promise<Record<string, TableDigest>> {
  const totals = new Map<string, Sum>();
  for (const table of syncedTableNames) {
    totals.set(table, { count: 0, sum: 0n });
    const statements = rangeSums(sqlite, table);
    for (let after = ''; ; ) {
      const through = (statements.chunkEnd.get({ after, clinic: clinicId }) as string | undefined) ?? null;
      const row = statements.sum.get({ after, through, clinic: clinicId }) as SumRow;
      add(totals, table, row.count, BigInt(row.sum ?? '0'));
      if (through === null) break;
      after = through;
      await setImmediate();
    }
    for (const share of parkedShares(sqlite, table)) add(totals, table, 1, share.hash);
  }
  return asDigests(totals);
}

/** One table's digest over the hub's ranges of keys, each read along the key's index. */
export async function localRangeDigests(sqlite: Database.Database, clinicId: string, table: SyncedTableName, ranges: readonly { readonly through: string | null }[]): Promise<RangeDigest[]> {
  const statements = rangeSums(sqlite, table);
  const parked = parkedShares(sqlite, table);
  const digests: RangeDigest[] = [];
  let after = '';
  for (const range of ranges) {
    const row = statements.sum.get({ after, through: range.through, clinic: clinicId }) as SumRow;
    let count = row.count;
    let sum = BigInt(row.sum ?? '0');
    for (const share of parked) {
      if (!inRange(share.key, after, range.through)) continue;
      count += 1;
      sum += share.hash;
    }
    digests.push({ through: range.through, count, sum: sum.toString() });
    after = range.through ?? after;
    await setImmediate();
  }
  return digests;
}

/** The keys of this workstation's rows of its clinic in one range. */
export function localKeysInRange(sqlite: Database.Database, clinicId: string, table: SyncedTableName, after: string, through: string | null): string[] {
  const key = quoted(syncedTables[table].key);
  return sqlite.prepare(`select ${key} from "${table}" where ${key} > :after and (:through is null or ${key} <= :through) and ${clinicScope(sqlite, table)}`).pluck().all({ after, through, clinic: clinicId }) as string[];
}
