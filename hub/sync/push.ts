import { createHash, randomUUID } from 'node:crypto';
import type { HybridClock } from '#shared/sync/hlc.ts';
import { parseHlc } from '#shared/sync/hlc.ts';
import { mergeChange, type StoredRow } from '#shared/sync/merge.ts';
import type { ChangeOp, PushRequest, PushTx } from '#shared/sync/protocol.ts';
import { CLOCK_COLUMN, isSyncedTable, syncedTableNames, syncedTables, type SyncedTableName } from '#shared/sync/tables.ts';
import type { HubDb, HubQueries } from '../db/hub-db.ts';
import { BatchState, chunks, rowKey, type RowClinics } from './batch-state.ts';
import type { MirrorCatalog } from './catalog.ts';
import type { Device } from './devices.ts';
import { hubErrors } from './hub-errors.ts';
import { changeFingerprint } from './pull.ts';
import { fanOutNewClinics, finalClinics, type FeedEntry } from './related-rows.ts';
import type { RecentFeedEntries } from './recent-feed.ts';
import type { ArrayParam } from '../db/array-params.ts';
import { oneStatement, type Write } from './batch-writes.ts';
import { feedText, prepareChanges, type PreparedChanges } from './feed-text.ts';

/** Stamps further ahead of the hub's clock than this are restamped, so a wrong clock cannot win every conflict. */
export const MAX_FUTURE_MS = 2 * 60 * 1000;
const WRITE_CHUNK = 2_000;

export type PushOutcome = {
  appliedThrough: number;
  rejected: { seq: number; code: string; message: string }[];
  restamped: { seq: number; hlc: string }[];
  clinicsChanged: string[];
};

class Rejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A transaction's hash, over its changes' texts: JSON.stringify({ seq, hlc, ops }) is this very
 * text, put together from the texts the feed reuses (see feed-text.ts), so each change is serialised
 * once, before the clinic's lock is taken.
 */
function txHash(tx: PushTx, opTexts: readonly string[]): string {
  return createHash('sha256').update(`{"seq":${JSON.stringify(tx.seq)},"hlc":${JSON.stringify(tx.hlc)},"ops":[${opTexts.join(',')}]}`).digest('base64url');
}

function validateOp(catalog: MirrorCatalog, op: ChangeOp): SyncedTableName {
  if (!isSyncedTable(op.table)) throw new Rejection('UNKNOWN_TABLE', `The hub does not keep a table named "${op.table}".`);
  const columns = catalog.get(op.table);
  const key = syncedTables[op.table].key;
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

type OwnerColumn = { readonly owner: 'patients' | 'users'; readonly column: string };

/** Where a row's owner is named: the patient or user whose links or roles decide its clinics. */
function ownerColumnOf(table: SyncedTableName): OwnerColumn | null {
  const scope = syncedTables[table].scope;
  if (scope.by === 'patient') return { owner: 'patients', column: scope.column };
  if (scope.by === 'user') return { owner: 'users', column: scope.column };
  // A user's roles decide which clinics see the user's rows.
  if (table === 'memberships') return { owner: 'users', column: 'user_id' };
  return null;
}

/**
 * The patients and users whose links and roles decide where the batch's rows go. They are locked
 * with the batch's own rows: a device of another clinic linking the same patient (or giving the
 * same user a role) at the same moment locks them too, so one of the two batches reads what the
 * other committed. Otherwise each would route by what it read before the other committed, and the
 * other clinic would miss a change until the next comparison. A change that does not name its
 * owner (an allergy's new reaction) finds it in the stored row, read here without a lock.
 */
async function ownersOf(db: HubQueries, txs: readonly PushTx[]): Promise<{ patients: Set<string>; users: Set<string> }> {
  const owners = { patients: new Set<string>(), users: new Set<string>() };
  const unnamed = new Map<SyncedTableName, { readonly named: OwnerColumn; readonly ids: Set<string> }>();
  for (const tx of txs) {
    for (const op of tx.ops) {
      if (!isSyncedTable(op.table)) continue;
      const named = ownerColumnOf(op.table);
      if (named === null) continue;
      const owner = named.column === syncedTables[op.table].key ? op.id : op.columns[named.column];
      if (typeof owner === 'string') {
        owners[named.owner].add(owner);
        continue;
      }
      const found = unnamed.get(op.table) ?? { named, ids: new Set<string>() };
      found.ids.add(op.id);
      unnamed.set(op.table, found);
    }
  }
  await Promise.all(
    [...unnamed].map(async ([table, { named, ids }]) => {
      const rows = await db.query<{ owner: unknown }>(`select ${named.column} as owner from ${table} where ${syncedTables[table].key} = any($1::text[])`, [[...ids]]);
      for (const row of rows) if (typeof row.owner === 'string') owners[named.owner].add(row.owner);
    }),
  );
  return owners;
}

/** Loads everything the batch needs: touched rows and their owners, locked, then the rows that decide their clinics. */
async function preload(db: HubQueries, state: BatchState, txs: readonly PushTx[], device: Device): Promise<void> {
  const byTable = new Map<SyncedTableName, Set<string>>();
  for (const tx of txs) for (const op of tx.ops) if (isSyncedTable(op.table)) byTable.set(op.table, (byTable.get(op.table) ?? new Set()).add(op.id));
  const owners = await ownersOf(db, txs);
  for (const owner of ['patients', 'users'] as const) for (const id of owners[owner]) byTable.set(owner, (byTable.get(owner) ?? new Set()).add(id));
  // Independent reads go out together: the database answers one while the hub reads the last.
  // They run in the order sent, here one fixed order of tables, so row locks follow it too.
  const touched = syncedTableNames.filter((table) => byTable.has(table)).map((table) => [table, byTable.get(table) ?? new Set<string>()] as const);
  await Promise.all(touched.map(([table, ids]) => state.load(table, ids, 'forUpdate')));
  const patients = new Set<string>();
  const users = new Set<string>();
  const appointments = new Set<string>();
  const devices = new Set<string>([device.id]);
  const note = (table: SyncedTableName, values: Readonly<Record<string, unknown>>): void => {
    const scope = syncedTables[table].scope;
    const value = 'column' in scope ? values[scope.column] : scope.by === 'device' ? values['id'] : undefined;
    if (typeof value !== 'string') return;
    if (scope.by === 'patient') patients.add(value);
    if (scope.by === 'user') users.add(value);
    if (scope.by === 'appointment') appointments.add(value);
    if (scope.by === 'device') devices.add(value);
    if (scope.by === 'audit' && typeof values['user_id'] === 'string') users.add(values['user_id']);
  };
  for (const tx of txs) {
    for (const op of tx.ops) {
      if (!isSyncedTable(op.table)) continue;
      note(op.table, op.columns);
      const existing = state.get(op.table, op.id);
      if (existing !== null) note(op.table, existing.values);
      if (op.table === 'audit_log' && typeof op.columns['user_id'] === 'string') users.add(op.columns['user_id']);
    }
  }
  await Promise.all([
    state.load('patients', patients),
    state.loadBy('patient_clinics', 'patient_id', patients),
    state.loadBy('memberships', 'user_id', users),
    state.load('appointments', appointments),
    state.loadDeviceClinics(devices),
  ]);
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

function seesAny(clinics: ReadonlySet<string>, allowed: ReadonlySet<string>): boolean {
  for (const clinic of clinics) if (allowed.has(clinic)) return true;
  return false;
}

/** Applies one transaction to the in-memory state, or throws a Rejection leaving it as it was. */
function applyTx(state: BatchState, device: Device, tx: PushTx, checked: Checked, hlc: string): TxResult {
  if (checked.tables instanceof Rejection) throw checked.tables;
  const tables = checked.tables;
  const touched = tx.ops.map((op, index) => ({ table: tables[index] as SyncedTableName, id: op.id }));
  const before = state.before(touched);
  // Each row's clinics as it stood when the transaction first changed it.
  const firstChange = new Map<string, number>();
  const firstOf = touched.map(({ table, id }, index) => {
    const key = rowKey(table, id);
    const earlier = firstChange.get(key);
    if (earlier !== undefined) return earlier;
    firstChange.set(key, index);
    return index;
  });
  const preClinics: (Set<string> | null)[] = [];
  try {
    tx.ops.forEach((op, index) => {
      const table = tables[index] as SyncedTableName;
      const stored = state.get(table, op.id);
      preClinics.push(firstOf[index] !== index || stored === null ? null : state.clinicsOf(table, stored.values, device.id));
      const merged = mergeChange(syncedTables[table], stored, { columns: op.columns, hlc, kind: op.kind });
      merged.values[syncedTables[table].key] = op.id;
      state.set(table, op.id, { values: merged.values, clock: merged.clock });
    });
    const allowed = new Set(device.clinicIds);
    const feed: FeedEntry[] = [];
    tx.ops.forEach((op, index) => {
      const table = tables[index] as SyncedTableName;
      const pre = preClinics[firstOf[index] ?? index] ?? new Set<string>();
      const row = state.get(table, op.id);
      const post = row === null ? new Set<string>() : state.clinicsOf(table, row.values, device.id);
      if ((pre.size > 0 && !seesAny(pre, allowed)) || (post.size > 0 && !seesAny(post, allowed))) {
        throw new Rejection('FORBIDDEN_CLINIC', `This change to ${table} belongs to a clinic this workstation is not enrolled in.`);
      }
      const clinics = new Set([...pre, ...post]);
      if (clinics.size === 0 && table !== 'users') {
        // A row the hub cannot place yet: a change whose row's creation the hub lost with an older
        // backup and will receive again from its author. The device knows the row only through
        // its own clinics, so the row is theirs until its own columns say more.
        for (const clinic of device.clinicIds) clinics.add(clinic);
        state.attributed.set(rowKey(table, op.id), new Set(device.clinicIds));
      }
      const source = { prepared: checked.prepared, index };
      for (const clinic of clinics) feed.push({ clinicId: clinic, table, rowId: op.id, kind: op.kind, columns: op.columns, hlc, clock: null, source });
    });
    return { feed };
  } catch (error) {
    state.restore(before);
    throw error;
  }
}

/**
 * How a batch writes: rows it creates by plain inserts, which PostgreSQL makes about 40% cheaper
 * than an insert that first looks for a clash; or everything with `on conflict`. A row the batch
 * read as absent can still clash: another hub process may have created it since (a row sent by
 * two workstations of different clinics, which hold different locks). Such a batch is applied
 * again, reading that row, with every write on conflict.
 */
type WriteMode = { readonly plainInserts: boolean; clashed: boolean };

/** Whether a row is written by a plain insert: one the batch created, unless the batch is applied again. */
function insertsPlainly(mode: WriteMode, state: BatchState, table: SyncedTableName, id: string): boolean {
  return mode.plainInserts && state.wasAbsent(table, id);
}

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}

/**
 * Rows go as one array per column, unnested by the database: measured against a JSON array of
 * row objects read with json_populate_recordset, the database's side of 2,000 rows of eleven
 * columns went from 48-58 to 28-40 ms, with a fifth of the memory it touches, since no object is
 * parsed and no record built per row. The arrays are typed by the mirror table's own columns, and
 * go in the database's binary format where it takes it (array-params.ts).
 */
function writeRows(catalog: MirrorCatalog, state: BatchState, mode: WriteMode, array: ArrayParam): Write[] {
  const writes: Write[] = [];
  const byTable = new Map<SyncedTableName, { created: StoredRow[]; changed: StoredRow[] }>();
  for (const { table, id, row } of state.dirtyRows()) {
    const lists = byTable.get(table) ?? { created: [], changed: [] };
    (insertsPlainly(mode, state, table, id) ? lists.created : lists.changed).push(row);
    byTable.set(table, lists);
  }
  for (const [table, { created, changed }] of byTable) {
    const key = syncedTables[table].key;
    const types = catalog.get(table);
    const seen = new Set<string>();
    for (const rows of [created, changed]) for (const row of rows) for (const column of Object.keys(row.values)) seen.add(column);
    // Only the columns the batch names; a column it leaves out keeps its stored value on update
    // and is null on insert, as before.
    const columns = [...seen];
    const assignments = [...columns.filter((column) => column !== key), CLOCK_COLUMN].map((column) => `${column} = excluded.${column}`).join(', ');
    const arrays = [...columns.map((column, index) => `$${String(index + 1)}::${types?.get(column) === 'bigint' ? 'bigint' : 'text'}[]`), `$${String(columns.length + 1)}::jsonb[]`].join(', ');
    const insert = `insert into ${table} (${[...columns, CLOCK_COLUMN].join(', ')}) select * from unnest(${arrays})`;
    const params = (part: readonly StoredRow[]): unknown[] => [
      ...columns.map((column) => array(types?.get(column) === 'bigint' ? 'bigint' : 'text', part.map((row) => row.values[column] ?? null))),
      array('jsonb', part.map((row) => JSON.stringify(row.clock))),
    ];
    for (const part of chunks(created, WRITE_CHUNK)) writes.push({ sql: insert, params: params(part) });
    for (const part of chunks(changed, WRITE_CHUNK)) writes.push({ sql: `${insert} on conflict (${key}) do update set ${assignments}`, params: params(part) });
  }
  return writes;
}

/** A feed entry the batch wrote, for RecentFeedEntries once the batch commits: its changes between its brackets. */
type WrittenEntry = { readonly key: string; readonly clinicId: string; readonly body: Buffer | string };

/**
 * The batch's changes as feed entries, one per clinic. To PostgreSQL the text goes as bytes,
 * encoded once: the driver would measure the text and encode it itself, and the same bytes are
 * what a pull sends. PGlite takes the text.
 */
function writeFeed(feed: readonly FeedEntry[], origin: string, nowMs: number, asBytes: boolean, written: WrittenEntry[]): Write[] {
  const writes: Write[] = [];
  const byClinic = new Map<string, FeedEntry[]>();
  for (const entry of feed) {
    const list = byClinic.get(entry.clinicId) ?? [];
    list.push(entry);
    byClinic.set(entry.clinicId, list);
  }
  for (const [clinicId, entries] of byClinic) {
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

/**
 * Who sees each row, sent per clinic as two arrays, tables and ids: the clinic's id once, not on
 * every row. A row the batch created has no such pairs yet; the others' may be there already.
 */
function writeRowClinics(state: BatchState, touched: RowClinics, mode: WriteMode, array: ArrayParam): Write[] {
  const writes: Write[] = [];
  const byClinic = new Map<string, { created: [string, string][]; known: [string, string][] }>();
  for (const [tbl, ofTable] of touched) {
    for (const [rowId, clinics] of ofTable) {
      const created = insertsPlainly(mode, state, tbl, rowId);
      for (const clinic of clinics) {
        const pairs = byClinic.get(clinic) ?? { created: [], known: [] };
        (created ? pairs.created : pairs.known).push([tbl, rowId]);
        byClinic.set(clinic, pairs);
      }
    }
  }
  const insert = `insert into hub_row_clinics (clinic_id, tbl, row_id) select $1, tbl, row_id from unnest($2::text[], $3::text[]) as pair(tbl, row_id)`;
  const params = (clinic: string, part: readonly [string, string][]): unknown[] => [clinic, array('text', part.map((pair) => pair[0])), array('text', part.map((pair) => pair[1]))];
  for (const [clinic, { created, known }] of byClinic) {
    for (const part of chunks(created, WRITE_CHUNK)) writes.push({ sql: insert, params: params(clinic, part) });
    for (const part of chunks(known, WRITE_CHUNK)) writes.push({ sql: `${insert} on conflict do nothing`, params: params(clinic, part) });
  }
  return writes;
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
export async function applyPush(db: HubDb, catalog: MirrorCatalog, clock: HybridClock, device: Device, request: PushRequest, nowMs: number, recentFeed: RecentFeedEntries): Promise<PushOutcome> {
  const mode: WriteMode = { plainInserts: true, clashed: false };
  const written: WrittenEntry[] = [];
  let outcome: PushOutcome;
  try {
    outcome = await applyPushOnce(db, catalog, clock, device, request, nowMs, mode, written);
  } catch (error) {
    if (!mode.clashed) throw error;
    written.length = 0;
    outcome = await applyPushOnce(db, catalog, clock, device, request, nowMs, { plainInserts: false, clashed: false }, written);
  }
  for (const entry of written) recentFeed.add(entry.key, entry.clinicId, entry.body);
  return outcome;
}

async function applyPushOnce(db: HubDb, catalog: MirrorCatalog, clock: HybridClock, device: Device, request: PushRequest, nowMs: number, mode: WriteMode, written: WrittenEntry[]): Promise<PushOutcome> {
  if (device.reenrolRequired) throw hubErrors.reenrolRequired('This workstation must be enrolled again: its database was copied or restored from a backup.');
  // What needs no stored row is worked out before the lock, while another batch may hold it.
  // Keyed by the transaction itself: a malformed push may carry one number twice.
  const asBytes = db.kind === 'postgres';
  const checked = new Map(request.txs.map((pushed) => [pushed, check(catalog, pushed, device.id, asBytes)]));
  return db.transaction(async (tx) => {
    for (const clinic of [...device.clinicIds].sort()) await tx.query(`select pg_advisory_xact_lock(hashtext($1))`, [clinic]);
    const [current] = await tx.query<{ last_seq: string }>(`select last_seq from hub_devices where id = $1 for update`, [device.id]);
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
    await preload(tx, state, fresh, device);
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
        await tx.query(`insert into hub_rejections (device_id, seq, tx, code, message) values ($1, $2, $3, $4, $5)`, [device.id, pushed.seq, JSON.stringify(pushed), error.code, error.message]);
      }
      txRows.push({ seq: pushed.seq, hash: pushedChecked.hash, restamped_hlc: hlc === pushed.hlc ? null : hlc });
      lastSeq = pushed.seq;
    }
    const touched = finalClinics(state, device.id);
    feed.push(...(await fanOutNewClinics(tx, state, touched, feed)));
    const writes = [...writeRows(catalog, state, mode, db.arrayParam), ...writeFeed(feed, device.id, nowMs, asBytes, written), ...writeRowClinics(state, touched, mode, db.arrayParam)];
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
  });
}
