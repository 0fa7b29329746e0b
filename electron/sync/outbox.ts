import type Database from 'better-sqlite3';
import type { ChangeOp, PushResponse, PushTx } from '#shared/sync/protocol.ts';
import type { SyncValue } from '#shared/sync/merge.ts';
import { limitSql } from '../db/literal-limit.ts';
import { statement } from '../db/statements.ts';

type OutboxRow = { seq: number; txn: number; hlc: string; tbl: string; row_id: string; kind: 'insert' | 'update'; data: string; changed: string | null };

/**
 * Push numbers follow transaction numbers (both only grow, and every waiting transaction is
 * numbered at once), so "numbered at most N" is "transaction at most the one numbered N": the
 * outbox is read along its transaction index, and numbering writes one small row per transaction
 * instead of every change again.
 */
const txnNumberedAtMost = (seqSql: string): string => `coalesce((select t.txn from sync_outbox_txns t where t.pushed_seq <= ${seqSql} order by t.pushed_seq desc limit 1), 0)`;

/** The last acknowledged transaction: the one numbered at the highest acknowledgement mark or below. */
const ACKED_TXN_SQL = txnNumberedAtMost(`(select coalesce(max(through_seq), 0) from sync_outbox_acks)`);

/** Changes still to go up: not numbered yet, or numbered after the highest acknowledgement mark. */
export const WAITING_CHANGE_SQL = `(txn > ${ACKED_TXN_SQL})`;

/** How long acknowledged changes are kept, in case the hub is restored from an older backup. */
export const RETAIN_ACKED_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Gives each not-yet-numbered local transaction in the outbox its push number, once: a resend
 * after a lost acknowledgement carries the same number, which the hub recognises.
 */
export function numberPendingTransactions(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    const pending = statement(sqlite, `select distinct txn from sync_outbox where txn > (select coalesce(max(txn), 0) from sync_outbox_txns) order by txn`).pluck().all() as number[];
    if (pending.length === 0) return;
    let next = (statement(sqlite, `select coalesce(max(pushed_seq), 0) from sync_outbox_txns`).pluck().get() as number) + 1;
    const floor = Number((statement(sqlite, `select value from local_meta where key = 'push_seq_floor'`).pluck().get() as string | undefined) ?? '0');
    next = Math.max(next, floor + 1);
    const assign = statement(sqlite, `insert into sync_outbox_txns (txn, pushed_seq) values (?, ?)`);
    for (const txn of pending) {
      assign.run(txn, next);
      next += 1;
    }
    statement(sqlite, `insert into local_meta (key, value) values ('push_seq_floor', ?) on conflict (key) do update set value = excluded.value`).run(String(next - 1));
  })();
}

function opOf(row: OutboxRow): ChangeOp {
  const data = JSON.parse(row.data) as Record<string, SyncValue>;
  if (row.kind === 'insert' || row.changed === null) return { table: row.tbl, id: row.row_id, kind: row.kind, columns: data };
  const columns: Record<string, SyncValue> = {};
  for (const column of JSON.parse(row.changed) as string[]) columns[column] = data[column] ?? null;
  return { table: row.tbl, id: row.row_id, kind: 'update', columns };
}

/** The next unacknowledged transactions (after a push number, when one is given), whole, up to about a number of changes. */
export function pendingTransactions(sqlite: Database.Database, maxOps: number, afterSeq = 0): PushTx[] {
  const from = Math.max(afterSeq, highestAcked(sqlite));
  const rows = statement(sqlite, `select o.*, t.pushed_seq from sync_outbox_txns t join sync_outbox o on o.txn = t.txn where t.pushed_seq > ? order by t.pushed_seq, o.seq limit ${limitSql(maxOps + 1)}`).all(from) as (OutboxRow & { pushed_seq: number })[];
  const txs = new Map<number, PushTx & { ops: ChangeOp[] }>();
  for (const row of rows) {
    const seq = row.pushed_seq;
    const tx = txs.get(seq) ?? { seq, hlc: row.hlc, ops: [] };
    tx.ops.push(opOf(row));
    if (row.hlc > tx.hlc) tx.hlc = row.hlc;
    txs.set(seq, tx);
  }
  const list = [...txs.values()];
  // The last transaction may be cut off by the limit; it goes whole next time, unless it alone is too big.
  if (rows.length > maxOps && list.length > 1) list.pop();
  if (list.length === 1 && rows.length > maxOps) {
    const only = list[0];
    if (only !== undefined) {
      const all = sqlite.prepare(`select o.* from sync_outbox o where o.txn = (select txn from sync_outbox_txns where pushed_seq = ?) order by o.seq`).all(only.seq) as OutboxRow[];
      return [{ seq: only.seq, hlc: only.hlc, ops: all.map(opOf) }];
    }
  }
  return list;
}

export type WaitingChange = { table: string; rowId: string; kind: string; hlc: string };

/** The first changes still to go up, oldest first. */
export function firstWaitingChanges(sqlite: Database.Database, limit: number): WaitingChange[] {
  return statement(sqlite, `select tbl as "table", row_id as rowId, kind, hlc from sync_outbox where ${WAITING_CHANGE_SQL} order by txn, seq limit ${limitSql(limit)}`).all() as WaitingChange[];
}

export function countPending(sqlite: Database.Database): { changes: number; transactions: number } {
  return statement(sqlite, `select count(*) as changes, count(distinct txn) as transactions from sync_outbox where ${WAITING_CHANGE_SQL}`).get() as { changes: number; transactions: number };
}

/**
 * Records the hub's answer: acknowledged transactions are kept a while (not deleted), refused
 * ones are set aside for a person to see, and restamped ones get the stamp the hub gave them, in
 * the outbox and in the column clocks they set, so this replica merges like every other.
 */
export function recordPushResponse(sqlite: Database.Database, sent: readonly PushTx[], response: PushResponse, nowIso: string): void {
  sqlite.transaction(() => {
    const rejected = new Map(response.rejected.map((entry) => [entry.seq, entry]));
    for (const tx of sent) {
      if (tx.seq > response.appliedThrough) continue;
      const refusal = rejected.get(tx.seq);
      if (refusal !== undefined) {
        sqlite.prepare(`insert into sync_rejections (pushed_seq, code, message, changes, rejected_at) values (?, ?, ?, ?, ?)`).run(tx.seq, refusal.code, refusal.message, JSON.stringify(tx.ops), nowIso);
      }
    }
    // An answer below the mark is a hub that lost changes: reopenAfter lowers the mark.
    if (response.appliedThrough > highestAcked(sqlite)) statement(sqlite, `insert into sync_outbox_acks (through_seq, acked_at) values (?, ?)`).run(response.appliedThrough, nowIso);
    for (const restamp of response.restamped) restampTransaction(sqlite, restamp.seq, restamp.hlc);
  })();
}

function restampTransaction(sqlite: Database.Database, seq: number, hlc: string): void {
  const txn = sqlite.prepare(`select txn from sync_outbox_txns where pushed_seq = ?`).pluck().get(seq) as number | undefined;
  if (txn === undefined) return;
  const rows = sqlite.prepare(`select tbl, row_id, hlc, kind, changed, data from sync_outbox where txn = ?`).all(txn) as { tbl: string; row_id: string; hlc: string; kind: string; changed: string | null; data: string }[];
  for (const row of rows) {
    const key = row.tbl === 'doctor_profiles' ? 'user_id' : 'id';
    const current = sqlite.prepare(`select sync_clock from "${row.tbl}" where "${key}" = ?`).pluck().get(row.row_id) as string | null | undefined;
    if (current === undefined || current === null) continue;
    const clock = JSON.parse(current) as Record<string, string>;
    for (const column of Object.keys(clock)) if (clock[column] === row.hlc) clock[column] = hlc;
    sqlite.prepare(`update "${row.tbl}" set sync_clock = ? where "${key}" = ?`).run(JSON.stringify(clock), row.row_id);
  }
  sqlite.prepare(`update sync_outbox set hlc = ? where txn = ?`).run(hlc, txn);
}

/**
 * After a hub restored from an older backup: what it lost goes up again, under the same numbers.
 * The mark comes down to what the hub still holds, keeping the time those changes were first
 * acknowledged. Returns how many changes wait again.
 */
export function reopenAfter(sqlite: Database.Database, appliedThrough: number): number {
  return sqlite.transaction(() => {
    const firstAckedAt = statement(sqlite, `select min(acked_at) from sync_outbox_acks where through_seq > ?`).pluck().get(appliedThrough) as string | null;
    if (firstAckedAt === null) return 0;
    const reopened = statement(sqlite, `select count(*) from sync_outbox where txn > ${txnNumberedAtMost('?')} and txn <= ${ACKED_TXN_SQL}`).pluck().get(appliedThrough) as number;
    statement(sqlite, `delete from sync_outbox_acks where through_seq > ?`).run(appliedThrough);
    if (appliedThrough > 0) statement(sqlite, `insert or ignore into sync_outbox_acks (through_seq, acked_at) values (?, ?)`).run(appliedThrough, firstAckedAt);
    return reopened;
  })();
}

export function highestAcked(sqlite: Database.Database): number {
  return statement(sqlite, `select coalesce(max(through_seq), 0) from sync_outbox_acks`).pluck().get() as number;
}

/** Forgets changes acknowledged before a time, with their numbers and the marks that no longer say anything. */
export function purgeAcked(sqlite: Database.Database, olderThanIso: string): number {
  const through = statement(sqlite, `select max(through_seq) from sync_outbox_acks where acked_at < ?`).pluck().get(olderThanIso) as number | null;
  if (through === null) return 0;
  // The number of the last transaction the mark covers stays: it tells where the mark stands.
  const throughTxn = statement(sqlite, `select ${txnNumberedAtMost('?')}`).pluck().get(through) as number;
  // Most cycles find nothing left to forget: that costs a few index lookups, not a write.
  const due = statement(
    sqlite,
    `select exists (select 1 from sync_outbox where txn <= ?) or exists (select 1 from sync_outbox_txns where txn < ?) or exists (select 1 from sync_outbox_acks where through_seq < ?)`,
  )
    .pluck()
    .get(throughTxn, throughTxn, through) as number;
  if (due === 0) return 0;
  return sqlite.transaction(() => {
    const purged = statement(sqlite, `delete from sync_outbox where txn <= ?`).run(throughTxn).changes;
    statement(sqlite, `delete from sync_outbox_txns where txn < ?`).run(throughTxn);
    statement(sqlite, `delete from sync_outbox_acks where through_seq < ?`).run(through);
    return purged;
  })();
}
