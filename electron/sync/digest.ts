import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DIGEST_BUCKET_CHARS, DIGEST_HASH_CHARS, digestText, type TableDigest } from '#shared/sync/digest.ts';
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

export function bucketOf(key: string): string {
  return md5(key).slice(0, DIGEST_BUCKET_CHARS);
}

function rowHash(text: string): bigint {
  return BigInt(`0x${md5(text).slice(0, DIGEST_HASH_CHARS)}`);
}

const registered = new WeakSet<Database.Database>();

/** SQL functions for the digest, registered once per connection: only this core's queries use them. */
function registerFunctions(sqlite: Database.Database): void {
  if (registered.has(sqlite)) return;
  sqlite.function('sync_bucket', { deterministic: true }, (key: unknown) => bucketOf(String(key)));
  sqlite.aggregate('sync_digest', {
    varargs: true,
    start: () => '0',
    // The running sum travels as text: 60-bit hashes add up past SQLite's integers.
    step: (total: unknown, ...values: unknown[]) => (BigInt(String(total)) + rowHash(digestText(values as SyncValue[]))).toString(),
  });
  registered.add(sqlite);
}

function sortedColumns(sqlite: Database.Database, table: SyncedTableName): string[] {
  return dataColumnsOf(sqlite, table).sort();
}

function digestSelect(sqlite: Database.Database, table: SyncedTableName): string {
  return `count(*) as count, sync_digest(${sortedColumns(sqlite, table).map((column) => `"${column}"`).join(', ')}) as sum`;
}

/** The rows from the hub waiting aside, with their bucket and share of the digest. */
function parkedShares(sqlite: Database.Database, table: SyncedTableName): { bucket: string; hash: bigint }[] {
  const columns = sortedColumns(sqlite, table);
  const key = syncedTables[table].key;
  const rows = sqlite.prepare(`select data from sync_parked where tbl = ?`).pluck().all(table) as string[];
  return rows.map((data) => {
    const values = JSON.parse(data) as Record<string, SyncValue>;
    return { bucket: bucketOf(String(values[key])), hash: rowHash(digestText(columns.map((column) => values[column]))) };
  });
}

function add(sums: Map<string, Sum>, name: string, count: number, sum: bigint): void {
  const current = sums.get(name) ?? { count: 0, sum: 0n };
  sums.set(name, { count: current.count + count, sum: current.sum + sum });
}

function asDigests(sums: Map<string, Sum>): Record<string, TableDigest> {
  return Object.fromEntries([...sums].map(([name, total]) => [name, { count: total.count, sum: total.sum.toString() }]));
}

/** Every replicated table's digest on this workstation. */
export function localTableDigests(sqlite: Database.Database, clinicId: string): Record<string, TableDigest> {
  registerFunctions(sqlite);
  const sums = new Map<string, Sum>();
  for (const table of syncedTableNames) {
    const row = sqlite.prepare(`select ${digestSelect(sqlite, table)} from "${table}" where ${rowsInClinic(table)}`).get({ clinic: clinicId }) as { count: number; sum: string | null };
    add(sums, table, row.count, BigInt(row.sum ?? '0'));
    for (const share of parkedShares(sqlite, table)) add(sums, table, 1, share.hash);
  }
  return asDigests(sums);
}

/** One table's digest, bucket by bucket; empty buckets are left out, as the hub leaves them. */
export function localBucketDigests(sqlite: Database.Database, clinicId: string, table: SyncedTableName): Record<string, TableDigest> {
  registerFunctions(sqlite);
  const rows = sqlite.prepare(`select sync_bucket("${syncedTables[table].key}") as bucket, ${digestSelect(sqlite, table)} from "${table}" where ${rowsInClinic(table)} group by 1`).all({ clinic: clinicId }) as { bucket: string; count: number; sum: string }[];
  const sums = new Map<string, Sum>();
  for (const row of rows) add(sums, row.bucket, row.count, BigInt(row.sum));
  for (const share of parkedShares(sqlite, table)) add(sums, share.bucket, 1, share.hash);
  return asDigests(sums);
}

/** The keys of one bucket's rows in their table here. */
export function localBucketKeys(sqlite: Database.Database, clinicId: string, table: SyncedTableName, bucket: string): string[] {
  registerFunctions(sqlite);
  const key = syncedTables[table].key;
  return sqlite.prepare(`select "${key}" from "${table}" where sync_bucket("${key}") = :bucket and ${rowsInClinic(table)}`).pluck().all({ bucket, clinic: clinicId }) as string[];
}
