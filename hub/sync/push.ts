import { createHash } from 'node:crypto';
import { parseHlc } from '#shared/sync/hlc.ts';
import { mergeChange, type RowValues } from '#shared/sync/merge.ts';
import type { ChangeOp, PushRequest, PushTx } from '#shared/sync/protocol.ts';
import { isSyncedTable, subjectOwning, syncTable, type SyncedTableName } from '#shared/sync/tables.ts';
import { sqlLiteral } from '../db/hub-db.ts';
import { BatchState, rowKey } from './batch-state.ts';
import type { MirrorCatalog } from './catalog.ts';
import type { HubSyncContext } from './context.ts';
import type { Device } from './devices.ts';
import { hubErrors } from './hub-errors.ts';
import { authorizeChange, Rejection } from './authorize.ts';
import { fanOutNewClinics, finalClinics, type FeedEntry } from './related-rows.ts';
import { oneStatement, writeFeed, writeRowClinics, writeRows, type WriteMode, type WrittenEntry } from './batch-writes.ts';
import { preload } from './preload.ts';
import { prepareChanges, type PreparedChanges } from './feed-text.ts';
import { storableTxJson, unstorableTextIn } from './storable-changes.ts';

/** Stamps further ahead of the hub's clock than this are restamped, so a wrong clock cannot win every conflict. */
export const MAX_FUTURE_MS = 2 * 60 * 1000;

export type PushOutcome = {
  appliedThrough: number;
  rejected: { seq: number; code: string; message: string }[];
  restamped: { seq: number; hlc: string }[];
  clinicsChanged: string[];
};


/**
 * A transaction's hash, over its changes' texts: JSON.stringify({ seq, hlc, ops }) is this very
 * text, put together from the texts the feed reuses (see feed-text.ts), so each change is serialised
 * once, before the clinic's lock is taken.
 */
function txHash(tx: PushTx, opTexts: readonly string[]): string {
  return createHash('sha256').update(`{"seq":${JSON.stringify(tx.seq)},"hlc":${JSON.stringify(tx.hlc)},"ops":[${opTexts.join(',')}]}`).digest('base64url');
}

function validateOp(catalog: MirrorCatalog, op: ChangeOp): SyncedTableName {
  // First: the refusals below name the table and column, and their message is stored too.
  const unstorable = unstorableTextIn(op);
  if (unstorable !== null) throw new Rejection('BAD_TEXT', unstorable);
  if (!isSyncedTable(op.table)) throw new Rejection('UNKNOWN_TABLE', `The hub does not keep a table named "${op.table}".`);
  const columns = catalog.get(op.table);
  const key = syncTable(op.table).key;
  if (columns === undefined) throw new Rejection('UNKNOWN_TABLE', `The hub does not keep a table named "${op.table}".`);
  for (const [column, value] of Object.entries(op.columns)) {
    const type = columns.get(column);
    if (type === undefined) throw new Rejection('UNKNOWN_COLUMN', `Table ${op.table} has no column "${column}" at the hub; update the hub.`);
    if (value === null) continue;
    if (type === 'bigint' ? typeof value !== 'number' || !Number.isSafeInteger(value) : typeof value !== 'string') {
      throw new Rejection('BAD_VALUE', `Column ${op.table}.${column} holds a value of the wrong type.`);
    }
  }
  if (op.columns[key] !== undefined && op.columns[key] !== op.id) throw new Rejection('BAD_VALUE', `The change to ${op.table} names two different rows.`);
  if (op.kind === 'insert' && op.columns[key] === undefined) throw new Rejection('BAD_VALUE', `A new ${op.table} row carries no ${key}.`);
  return op.table;
}

type TxResult = { feed: FeedEntry[] };

/** What the hub knows of a transaction before taking the clinic's lock: its hash, its changes' feed text, and its tables or why it is refused. */
type Checked = { readonly hash: string; readonly prepared: PreparedChanges; readonly tables: readonly SyncedTableName[] | Rejection };

function check(catalog: MirrorCatalog, tx: PushTx, origin: string, asBytes: boolean): Checked {
  const opTexts = tx.ops.map((op) => JSON.stringify(op));
  const hash = txHash(tx, opTexts);
  let tables: readonly SyncedTableName[] | Rejection;
  try {
    tables = tx.ops.map((op) => validateOp(catalog, op));
  } catch (error) {
    if (!(error instanceof Rejection)) throw error;
    return { hash, prepared: { hlc: tx.hlc, opTexts, whole: '' }, tables: error };
  }
  return { hash, prepared: prepareChanges(origin, tx.hlc, opTexts, asBytes), tables };
}

/** Whether a row the hub cannot place yet is placed by the device that sent it: all but a subject seen only through its links (a user with no role). */
function placedByDevice(table: SyncedTableName): boolean {
  const owned = subjectOwning(table);
  return owned === null || owned.homeClinicColumn !== null;
}

/** Applies one transaction to the in-memory state, or throws a Rejection leaving it as it was. */
function applyTx(state: BatchState, device: Device, tx: PushTx, checked: Checked, hlc: string): TxResult {
  if (checked.tables instanceof Rejection) throw checked.tables;
  const tables = checked.tables;
  const touched: { table: SyncedTableName; id: string }[] = [];
  for (let index = 0; index < tx.ops.length; index += 1) touched.push({ table: tables[index] as SyncedTableName, id: (tx.ops[index] as ChangeOp).id });
  const rowsBefore = state.before(touched);
  try {
    const before = mergeOps(state, device, tx, tables, hlc);
    return { feed: routeOps(state, device, tx, tables, hlc, checked.prepared, before) };
  } catch (error) {
    state.restore(rowsBefore);
    throw error;
  }
}

/** A change's row as it stood before its transaction first changed it, and the clinics that saw it then. */
type RowBeforeTx = { readonly values: RowValues | null; readonly clinics: ReadonlySet<string> };

/**
 * Merges a transaction's changes into the batch's rows. Returns, for each change, its row as it
 * stood before the transaction first changed it (none for a new row): a row changed twice is
 * routed and authorized by where it was before the transaction.
 * Plain loops, here and in routeOps: they run for every change of a push, and closures made per
 * transaction were functions V8 compiled again and again.
 */
function mergeOps(state: BatchState, device: Device, tx: PushTx, tables: readonly SyncedTableName[], hlc: string): RowBeforeTx[] {
  const preRows: RowBeforeTx[] = [];
  const beforeTx = new Map<string, RowBeforeTx>();
  for (let index = 0; index < tx.ops.length; index += 1) {
    const op = tx.ops[index] as ChangeOp;
    const table = tables[index] as SyncedTableName;
    const stored = state.get(table, op.id);
    const key = rowKey(table, op.id);
    let pre = beforeTx.get(key);
    if (pre === undefined) {
      pre = stored === null ? { values: null, clinics: new Set<string>() } : { values: stored.values, clinics: state.clinicsOf(table, stored.values, device.id) };
      beforeTx.set(key, pre);
    }
    preRows.push(pre);
    const merged = mergeChange(syncTable(table), stored, { columns: op.columns, hlc, kind: op.kind });
    merged.values[syncTable(table).key] = op.id;
    state.set(table, op.id, { values: merged.values, clock: merged.clock });
  }
  return preRows;
}

/** Authorizes each change, and gives its feed entries: one per clinic that saw its row before the transaction or sees it after. */
function routeOps(state: BatchState, device: Device, tx: PushTx, tables: readonly SyncedTableName[], hlc: string, prepared: PreparedChanges, before: readonly RowBeforeTx[]): FeedEntry[] {
  const feed: FeedEntry[] = [];
  for (let index = 0; index < tx.ops.length; index += 1) {
    const op = tx.ops[index] as ChangeOp;
    const table = tables[index] as SyncedTableName;
    const preRow = before[index];
    const pre = preRow?.clinics ?? new Set<string>();
    const row = state.get(table, op.id);
    const post = row === null ? new Set<string>() : state.clinicsOf(table, row.values, device.id);
    authorizeChange(state, device, { table, rowId: op.id, before: preRow?.values ?? null, after: row?.values ?? null, clinicsBefore: pre, clinicsAfter: post });
    const clinics = new Set(pre);
    for (const clinic of post) clinics.add(clinic);
    if (clinics.size === 0 && placedByDevice(table)) {
      // A row the hub cannot place yet: a change whose row's creation the hub lost with an older
      // backup and will receive again from its author. The device knows the row only through
      // its own clinics, so the row is theirs until its own columns say more.
      for (const clinic of device.clinicIds) clinics.add(clinic);
      state.attributed.set(rowKey(table, op.id), new Set(device.clinicIds));
    }
    const source = { prepared, index };
    for (const clinic of clinics) feed.push({ clinicId: clinic, table, rowId: op.id, kind: op.kind, columns: op.columns, hlc, clock: null, source });
  }
  return feed;
}

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}

/**
 * The transactions to apply: those after the last applied one, without a gap. A gap means the
 * hub lost the ones between (a restore from an older backup); the answer's appliedThrough then
 * tells the device to send them again.
 */
function contiguousAfter(ordered: readonly PushTx[], lastSeq: number, gapAccepted: boolean): PushTx[] {
  const fresh: PushTx[] = [];
  let expected = lastSeq + 1;
  for (const candidate of ordered) {
    if (candidate.seq < expected) continue;
    if (candidate.seq > expected && !(gapAccepted && fresh.length === 0)) break;
    fresh.push(candidate);
    expected = candidate.seq + 1;
  }
  return fresh;
}

/**
 * Applies a device's push in one PostgreSQL transaction (SYNC.md §4): a resent transaction
 * changes nothing, an invalid one is recorded as a rejection and passed, and the device's last
 * sequence number moves in the same transaction as the effects.
 */
export async function applyPush(context: HubSyncContext, device: Device, request: PushRequest): Promise<PushOutcome> {
  const nowMs = context.now();
  let attempt: PushAttempt = { nowMs, mode: { plainInserts: true, clashed: false }, written: [] };
  let outcome: PushOutcome;
  try {
    outcome = await applyPushOnce(context, device, request, attempt);
  } catch (error) {
    if (!attempt.mode.clashed) throw error;
    attempt = { nowMs, mode: { plainInserts: false, clashed: false }, written: [] };
    outcome = await applyPushOnce(context, device, request, attempt);
  }
  for (const entry of attempt.written) context.recentFeed.add(entry.key, entry.clinicId, entry.body);
  return outcome;
}

/**
 * One try at a push: the time it is applied at (the same for a second try), how its rows are
 * written, and the feed entries it wrote, kept for RecentFeedEntries once it commits.
 */
type PushAttempt = { readonly nowMs: number; readonly mode: WriteMode; readonly written: WrittenEntry[] };

async function applyPushOnce(context: HubSyncContext, device: Device, request: PushRequest, attempt: PushAttempt): Promise<PushOutcome> {
  const { db, catalog, clock } = context;
  const { nowMs, mode, written } = attempt;
  if (device.reenrolRequired) throw hubErrors.reenrolRequired('This workstation must be enrolled again: its database was copied or restored from a backup.');
  // What needs no stored row is worked out before the lock, while another batch may hold it.
  // Keyed by the transaction itself: a malformed push may carry one number twice.
  const asBytes = db.kind === 'postgres';
  const checked = new Map(request.txs.map((pushed) => [pushed, check(catalog, pushed, device.id, asBytes)]));
  // The clinics' locks, in one order, then the device's row; sent with the transaction's begin.
  const opening = [...[...device.clinicIds].sort().map((clinic) => `select pg_advisory_xact_lock(hashtext(${sqlLiteral(clinic)}))`), `select last_seq from hub_devices where id = ${sqlLiteral(device.id)} for update`].join('; ');
  return db.transaction(async (tx, opened) => {
    const [current] = opened as { last_seq?: unknown }[];
    let lastSeq = Number(current?.last_seq ?? 0);
    const ordered = [...request.txs].sort((a, b) => a.seq - b.seq);
    const old = ordered.filter((candidate) => candidate.seq <= lastSeq).map((candidate) => candidate.seq);
    const known = new Map(
      old.length === 0
        ? []
        : (await tx.query<{ seq: string; hash: string; restamped_hlc: string | null }>(`select seq, hash, restamped_hlc from hub_device_txs where device_id = $1 and seq = any($2::bigint[])`, [device.id, old])).map((row) => [
            Number(row.seq),
            row,
          ]),
    );
    // A resent transaction whose first answer was lost learns again that it was refused.
    const rejectedBefore =
      old.length === 0
        ? []
        : (
            await tx.query<{ seq: string; code: string; message: string }>(
              `select distinct on (seq) seq, code, message from hub_rejections where device_id = $1 and seq = any($2::bigint[]) order by seq, id desc`,
              [device.id, old],
            )
          ).map((row) => ({ seq: Number(row.seq), code: row.code, message: row.message }));
    const restampedBefore: { seq: number; hlc: string }[] = [];
    for (const seq of old) {
      const resent = ordered.find((candidate) => candidate.seq === seq);
      const hash = known.get(seq)?.hash;
      const restamped = known.get(seq)?.restamped_hlc;
      if (restamped !== null && restamped !== undefined) restampedBefore.push({ seq, hlc: restamped });
      if (resent !== undefined && hash !== undefined && hash !== checked.get(resent)?.hash) {
        // The caller marks the device outside this transaction, which rolls back.
        throw hubErrors.reenrolRequired('This workstation sent an old change number with new content: its database is a copy or a restored backup. Enrol it again as a new workstation.');
      }
    }

    const fresh = contiguousAfter(ordered, lastSeq, request.gapAccepted === true);
    const state = new BatchState(tx);
    // A refused transaction's rows are not read: its ids may be text the database cannot take.
    await preload(tx, state, fresh.filter((pushed) => !(checked.get(pushed)?.tables instanceof Rejection)), device);
    const feed: FeedEntry[] = [];
    // A resent transaction whose first answer was lost learns its new stamp again, too.
    const outcome: PushOutcome = { appliedThrough: lastSeq, rejected: rejectedBefore, restamped: restampedBefore, clinicsChanged: [] };
    const txRows: { seq: number; hash: string; restamped_hlc: string | null }[] = [];
    const hubNow = nowMs;
    for (const pushed of fresh) {
      const stamp = parseHlc(pushed.hlc);
      let hlc = pushed.hlc;
      if (stamp === null || stamp.wallMs > hubNow + MAX_FUTURE_MS) {
        hlc = clock.tick();
        outcome.restamped.push({ seq: pushed.seq, hlc });
      } else {
        clock.observe(hlc);
      }
      const pushedChecked = checked.get(pushed) ?? check(catalog, pushed, device.id, asBytes);
      try {
        feed.push(...applyTx(state, device, pushed, pushedChecked, hlc).feed);
      } catch (error) {
        if (!(error instanceof Rejection)) throw error;
        outcome.rejected.push({ seq: pushed.seq, code: error.code, message: error.message });
        await tx.query(`insert into hub_rejections (device_id, seq, tx, code, message) values ($1, $2, $3, $4, $5)`, [device.id, pushed.seq, storableTxJson(pushed), error.code, error.message]);
      }
      txRows.push({ seq: pushed.seq, hash: pushedChecked.hash, restamped_hlc: hlc === pushed.hlc ? null : hlc });
      lastSeq = pushed.seq;
    }
    // The batch's rows as it leaves them: what the routing, the fan-out and the writes all walk.
    const changed = state.dirtyTables();
    const touched = finalClinics(state, changed, device.id);
    feed.push(...(await fanOutNewClinics(tx, state, changed, touched, feed)));
    const writes = [...writeRows(catalog, state, changed, mode, db.arrayParam), ...writeFeed(feed, device.id, nowMs, asBytes, written), ...writeRowClinics(state, touched, mode, db.arrayParam)];
    if (txRows.length > 0) {
      writes.push(
        {
          sql: `insert into hub_device_txs (device_id, seq, hash, restamped_hlc) select $1::uuid, seq, hash, restamped_hlc from unnest($2::bigint[], $3::text[], $4::text[]) as x(seq, hash, restamped_hlc)`,
          params: [device.id, db.arrayParam('bigint', txRows.map((row) => row.seq)), db.arrayParam('text', txRows.map((row) => row.hash)), db.arrayParam('text', txRows.map((row) => row.restamped_hlc))],
        },
        { sql: `update hub_devices set last_seq = $2 where id = $1`, params: [device.id, lastSeq] },
      );
    }
    outcome.appliedThrough = lastSeq;
    outcome.clinicsChanged = [...new Set(feed.map((entry) => entry.clinicId))];
    const statement = oneStatement(writes, { sql: `select pg_notify('clinic_changes', clinic) from unnest($1::text[]) as clinic`, params: [db.arrayParam('text', outcome.clinicsChanged)] });
    try {
      await tx.query(statement.sql, statement.params);
    } catch (error) {
      // A row the batch read as absent was created meanwhile by another hub process; the caller applies the batch again.
      if (mode.plainInserts && isUniqueViolation(error)) mode.clashed = true;
      throw error;
    }
    return outcome;
  }, opening);
}
