import { readRowClock } from '#shared/sync/stored-json.ts';
import type Database from 'better-sqlite3';
import type { PushResponse } from '#shared/sync/protocol.ts';
import { isSyncedTable, syncTable } from '#shared/sync/tables.ts';
import { limitSql } from '../db/literal-limit.ts';
import { readMeta, writeMeta } from '../db/local-meta.ts';
import { statement } from '../db/statements.ts';

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
    const floor = Number(readMeta(sqlite, 'push_seq_floor') ?? '0');
    next = Math.max(next, floor + 1);
    const assign = statement(sqlite, `insert into sync_outbox_txns (txn, pushed_seq) values (?, ?)`);
    for (const txn of pending) {
      assign.run(txn, next);
      next += 1;
    }
    writeMeta(sqlite, 'push_seq_floor', String(next - 1));
  })();
}

/**
 * A waiting transaction as it goes up: its push number, its stamp, and its changes as the JSON
 * text of ChangeOp[] (OP_JSON_SQL), sent as it is: parsing every stored row and serialising the
 * batch again took most of this workstation's work in a catch-up push.
 */
export type OutgoingTx = { readonly seq: number; readonly hlc: string; readonly opsJson: string };

/** What a push sends: the transactions, and whether the hub may go on past a gap (PushRequest). */
export type OutgoingPush = { readonly txs: readonly OutgoingTx[]; readonly gapAccepted?: boolean };

/** A push as the JSON text of a PushRequest. */
export function pushRequestText(push: OutgoingPush): string {
  const txs = push.txs.map((tx) => `{"seq":${String(tx.seq)},"hlc":${JSON.stringify(tx.hlc)},"ops":${tx.opsJson}}`).join(',');
  return `{"txs":[${txs}]${push.gapAccepted === true ? ',"gapAccepted":true' : ''}}`;
}

/**
 * A stored change as the JSON text of a ChangeOp, written by SQLite from the outbox's own JSON:
 * a new row's stored JSON is its columns as they are, a changed row's columns are picked from it.
 * Parsing each row in JavaScript to serialise it again took two to three times as long.
 */
const OP_JSON_SQL = `case when o.kind = 'insert' or o.changed is null
    then '{"table":' || json_quote(o.tbl) || ',"id":' || json_quote(o.row_id) || ',"kind":' || json_quote(o.kind) || ',"columns":' || o.data || '}'
    else json_object('table', o.tbl, 'id', o.row_id, 'kind', 'update', 'columns', (select json_group_object(c.value, json_extract(o.data, '$."' || c.value || '"')) from json_each(o.changed) c))
  end`;

type OutgoingRow = { seq: number; hlc: string; op: string };

type TxBeingRead = { seq: number; hlc: string; ops: string[] };

function outgoing(tx: TxBeingRead): OutgoingTx {
  return { seq: tx.seq, hlc: tx.hlc, opsJson: `[${tx.ops.join(',')}]` };
}

/** The next unacknowledged transactions (after a push number, when one is given), whole, up to about a number of changes. */
export function pendingTransactions(sqlite: Database.Database, maxOps: number, afterSeq = 0): OutgoingTx[] {
  const from = Math.max(afterSeq, highestAcked(sqlite));
  const rows = statement(sqlite, `select t.pushed_seq as seq, o.hlc, ${OP_JSON_SQL} as op from sync_outbox_txns t join sync_outbox o on o.txn = t.txn where t.pushed_seq > ? order by t.pushed_seq, o.seq limit ${limitSql(maxOps + 1)}`).all(from) as OutgoingRow[];
  const txs: TxBeingRead[] = [];
  let tx: TxBeingRead | undefined;
  for (const row of rows) {
    if (tx?.seq !== row.seq) {
      tx = { seq: row.seq, hlc: row.hlc, ops: [] };
      txs.push(tx);
    }
    tx.ops.push(row.op);
    if (row.hlc > tx.hlc) tx.hlc = row.hlc;
  }
  // The last transaction may be cut off by the limit; it goes whole next time, unless it alone is too big.
  if (rows.length > maxOps && txs.length > 1) txs.pop();
  if (txs.length === 1 && rows.length > maxOps) {
    const only = txs[0];
    if (only !== undefined) {
      const all = statement(sqlite, `select ${OP_JSON_SQL} as op from sync_outbox o where o.txn = (select txn from sync_outbox_txns where pushed_seq = ?) order by o.seq`).pluck().all(only.seq) as string[];
      return [outgoing({ seq: only.seq, hlc: only.hlc, ops: all })];
    }
  }
  return txs.map(outgoing);
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
export function recordPushResponse(sqlite: Database.Database, sent: readonly OutgoingTx[], response: PushResponse, nowIso: string): void {
  sqlite.transaction(() => {
    const rejected = new Map(response.rejected.map((entry) => [entry.seq, entry]));
    for (const tx of sent) {
      if (tx.seq > response.appliedThrough) continue;
      const refusal = rejected.get(tx.seq);
      if (refusal !== undefined) {
        sqlite.prepare(`insert into sync_rejections (pushed_seq, code, message, changes, rejected_at) values (?, ?, ?, ?, ?)`).run(tx.seq, refusal.code, refusal.message, tx.opsJson, nowIso);
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
    if (!isSyncedTable(row.tbl)) continue;
    const key = syncTable(row.tbl).key;
    const current = sqlite.prepare(`select sync_clock from "${row.tbl}" where "${key}" = ?`).pluck().get(row.row_id) as string | null | undefined;
    if (current === undefined || current === null) continue;
    const clock = { ...readRowClock(current) };
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
