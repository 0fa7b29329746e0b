import type Database from 'better-sqlite3';
import { sameDigest, type TableDigest } from '#shared/sync/digest.ts';
import { clockOf, latestStamp, mergeChange, type StoredRow, type SyncValue } from '#shared/sync/merge.ts';
import { rowsOfPage } from '#shared/sync/protocol.ts';
import { syncTable, type SyncedTableName } from '#shared/sync/tables.ts';
import { createLogger } from '../platform/logger.ts';
import { markForConflictCheck } from './conflicts.ts';
import { applyOne } from './apply.ts';
import { inPageTransaction, withTriggersAside, type ApplyMode } from './page-transaction.ts';
import { parkedRowsFor } from './parked-rows.ts';
import { writerFor, type AppliedRow } from './table-writer.ts';
import type { ChangeStamper } from './change-stamps.ts';
import { SYNC_MODE } from './change-stamps.ts';
import { dataColumnsOf } from './capture-triggers.ts';
import { localKeysInRange, localRangeDigests, localTableDigests } from './digest.ts';
import { uploadOrderOf } from './upload-order.ts';
import { WAITING_CHANGE_SQL } from './outbox.ts';
import type { HubTransport } from './transport.ts';

const log = createLogger('sync');

const MEND_PAGE = 5_000;

export type Comparison = {
  /** Whether every table was equal to the hub's when compared. */
  readonly equal: boolean;
  readonly tablesDiffering: readonly string[];
  /** Rows here set right from the hub's copy. */
  readonly rowsMended: number;
  /** Rows (or columns of rows) the hub lacked, queued to go up again. */
  readonly rowsResent: number;
};

type HubRow = ReturnType<typeof rowsOfPage>[number];

function differingKeys(hub: Readonly<Record<string, TableDigest>>, local: Readonly<Record<string, TableDigest>>): string[] {
  return [...new Set([...Object.keys(hub), ...Object.keys(local)])].filter((name) => !sameDigest(hub[name], local[name]));
}

/**
 * A row here next to the hub's: merged by the usual rules, except that a column both stamped by
 * the same change but holding different values takes the hub's (only a damaged copy differs
 * there). What is still newer here than at the hub afterwards is what the hub lost.
 */
function mendRow(table: SyncedTableName, stored: StoredRow, hub: HubRow): { values: Record<string, SyncValue>; clock: Record<string, string>; changed: string[]; newerHere: string[] } {
  // A column the hub holds no stamp for (a row whose creation it lost) is one it knows nothing of.
  const known = Object.fromEntries(Object.entries(hub.values).filter(([column]) => clockOf(hub.clock, column) !== ''));
  const merged = mergeChange(syncTable(table), stored, { columns: known, hlc: latestStamp(hub.clock), clock: hub.clock });
  const values = { ...merged.values };
  const clock = { ...merged.clock };
  const changed = new Set(merged.changedColumns);
  const newerHere: string[] = [];
  for (const [column, hubValue] of Object.entries(hub.values)) {
    if (values[column] === hubValue) continue;
    const hubStamp = clockOf(hub.clock, column);
    if (hubStamp !== '' && clockOf(stored.clock, column) === hubStamp) {
      values[column] = hubValue;
      clock[column] = hubStamp;
      changed.add(column);
    } else {
      newerHere.push(column);
    }
  }
  return { values, clock, changed: [...changed], newerHere };
}

type Resend = { readonly id: string; readonly columns: readonly string[] | null };

/**
 * The rows of a table the hub refused a change to (sync_rejections): the refusal is final and
 * shown on the Sync screen, so the comparison does not take them for rows the hub lost and send
 * them again, which would only add the same refusal at every comparison.
 */
function refusedRowIds(sqlite: Database.Database, table: SyncedTableName): Set<string> {
  const ids = sqlite
    .prepare(`select distinct json_extract(op.value, '$.id') from sync_rejections r, json_each(r.changes) op where json_extract(op.value, '$.table') = ?`)
    .pluck()
    .all(table);
  return new Set(ids.filter((id): id is string => typeof id === 'string'));
}

type Outgoing = { readonly id: string; readonly kind: 'insert' | 'update'; readonly columns: readonly string[] | null };

/**
 * Queues rows (whole, or some of their columns) to go up again, each column under the stamp it
 * carries here, one local transaction per stamp: the hub then holds exactly this copy's clocks,
 * and a newer change still on its way from another workstation wins over it as it should.
 */
function queueResend(sqlite: Database.Database, stamper: ChangeStamper, table: SyncedTableName, resends: readonly Resend[]): void {
  if (resends.length === 0) return;
  const key = syncTable(table).key;
  const columns = dataColumnsOf(sqlite, table);
  const writer = writerFor(sqlite);
  const inserts = new Map<string, Outgoing[]>();
  const updates = new Map<string, Outgoing[]>();
  // A row written before this workstation kept clocks has none to keep: it goes up stamped now.
  let now: string | null = null;
  const add = (groups: Map<string, Outgoing[]>, stamp: string, item: Outgoing): void => {
    const at = stamp !== '' ? stamp : (now ??= stamper.clock.tick());
    groups.set(at, [...(groups.get(at) ?? []), item]);
  };
  for (const resend of resends) {
    const stored = writer.read(table, resend.id);
    if (stored === null) continue;
    if (syncTable(table).kind === 'ledger') {
      // Ledger entries keep no clocks and never merge: any stamp serves.
      add(inserts, stamper.clock.tick(), { id: resend.id, kind: 'insert', columns: null });
      continue;
    }
    const stampOf = (column: string): string => clockOf(stored.clock, column);
    const later = new Map<string, string[]>();
    let chosen = resend.columns ?? [];
    if (resend.columns === null) {
      const created = stored.clock['*'] ?? columns.map(stampOf).reduce((min, stamp) => (min === '' || stamp < min ? stamp : min), '');
      add(inserts, created, { id: resend.id, kind: 'insert', columns: null });
      chosen = columns.filter((column) => stampOf(column) !== created);
    }
    for (const column of chosen) later.set(stampOf(column), [...(later.get(stampOf(column)) ?? []), column]);
    for (const [stamp, group] of later) add(updates, stamp, { id: resend.id, kind: 'update', columns: group });
  }
  const readData = sqlite.prepare(`select json_object(${columns.map((column) => `'${column}', "${column}"`).join(', ')}) from "${table}" where "${key}" = ?`).pluck();
  const nextTxn = sqlite.prepare(`update sync_state set txn = txn + 1 where id = 1 returning txn`).pluck();
  const enqueue = sqlite.prepare(`insert into sync_outbox (txn, hlc, tbl, row_id, kind, data, changed) values (?, ?, ?, ?, ?, ?, ?)`);
  // Creations first: an update never goes up before the row it changes.
  for (const groups of [inserts, updates]) {
    for (const stamp of [...groups.keys()].sort()) {
      const txn = nextTxn.get() as number;
      for (const item of groups.get(stamp) ?? []) {
        enqueue.run(txn, stamp, table, item.id, item.kind, readData.get(item.id), item.columns === null ? null : JSON.stringify(item.columns));
      }
    }
  }
}

/** Sets one range of a table's keys right against the hub's rows of it, in one local transaction. */
function mendRange(sqlite: Database.Database, stamper: ChangeStamper, clinicId: string, table: SyncedTableName, range: { after: string; through: string | null }, hubRows: readonly HubRow[], nowIso: string): { mended: AppliedRow[]; resent: number } {
  const key = syncTable(table).key;
  const mended: AppliedRow[] = [];
  let resent = 0;
  inPageTransaction(sqlite, nowIso, (mode: ApplyMode) => {
    mended.length = 0;
    const writer = writerFor(sqlite);
    const parked = parkedRowsFor(sqlite);
    const resends: Resend[] = [];
    const atHub = new Set<string>();
    const refused = refusedRowIds(sqlite, table);
    withTriggersAside(sqlite, SYNC_MODE.applying, () => {
      parked.beginPage();
      for (const hub of hubRows) {
        const id = hub.values[key];
        if (typeof id !== 'string') continue;
        atHub.add(id);
        const stored = writer.read(table, id);
        if (stored === null) {
          const applied = applyOne(writer, parked, table, id, { columns: hub.values, hlc: latestStamp(hub.clock), clock: hub.clock }, mode);
          if (applied !== null) mended.push(applied);
          continue;
        }
        if (syncTable(table).kind === 'ledger') {
          // Entries here never change (the audit log refuses it): a damaged one is reported, not rewritten.
          if (Object.entries(hub.values).some(([column, value]) => stored.values[column] !== value)) log.warn('a ledger entry here differs from the hub', { table });
          continue;
        }
        const row = mendRow(table, stored, hub);
        if (row.changed.length > 0) {
          writer.update(table, id, row.values, row.changed, row.clock);
          mended.push({ table, id, inserted: false });
        }
        if (row.newerHere.length > 0 && !refused.has(id)) resends.push({ id, columns: row.newerHere });
      }
      // Rows here that the hub lacks (it lost them and this workstation no longer kept their
      // changes) go up again whole; rows with changes still waiting go up with those.
      const waiting = new Set(sqlite.prepare(`select row_id from sync_outbox where tbl = ? and ${WAITING_CHANGE_SQL}`).pluck().all(table) as string[]);
      for (const id of localKeysInRange(sqlite, clinicId, table, range.after, range.through)) {
        if (!atHub.has(id) && !waiting.has(id) && !refused.has(id)) resends.push({ id, columns: null });
      }
      queueResend(sqlite, stamper, table, resends);
    });
    markForConflictCheck(sqlite, mended);
    resent = resends.length;
  });
  return { mended, resent };
}

/**
 * Compares this workstation with the hub table by table and, where a table differs, range of
 * keys by range; only the rows of differing ranges are read again. What the hub holds newer is taken,
 * what it lacks goes up again, and nothing needs a reset.
 */
export async function compareWithHub(
  sqlite: Database.Database,
  stamper: ChangeStamper,
  transport: HubTransport,
  link: { readonly credential: string; readonly clinicId: string },
  nowIso: string,
): Promise<{ comparison: Comparison; mended: AppliedRow[] }> {
  const { credential, clinicId } = link;
  const hub = await transport.tableDigests(credential);
  const tablesDiffering = differingKeys(hub.tables, await localTableDigests(sqlite, clinicId));
  const mended: AppliedRow[] = [];
  let rowsResent = 0;
  for (const table of uploadOrderOf(sqlite)) {
    if (!tablesDiffering.includes(table)) continue;
    const { ranges } = await transport.tableRanges(credential, { table });
    // A table the hub holds nothing of is one range over every key.
    const hubRanges = ranges.length === 0 ? [{ through: null, count: 0, sum: '0' }] : ranges;
    const here = await localRangeDigests(sqlite, clinicId, table, hubRanges);
    let after = '';
    for (const [index, range] of hubRanges.entries()) {
      if (!sameDigest(range, here[index])) {
        const rows: HubRow[] = [];
        for (let from: string | null = after, page = 0; from !== null && page < 10_000; page += 1) {
          const found = await transport.snapshotPage(credential, { table, after: from, through: range.through, limit: MEND_PAGE });
          rows.push(...rowsOfPage(found));
          from = found.next;
        }
        const outcome = mendRange(sqlite, stamper, clinicId, table, { after, through: range.through }, rows, nowIso);
        mended.push(...outcome.mended);
        rowsResent += outcome.resent;
      }
      after = range.through ?? after;
    }
  }
  if (tablesDiffering.length > 0) log.warn('this workstation differed from the hub; the differing rows were read again', { tables: tablesDiffering.length, mended: mended.length, resent: rowsResent });
  return { comparison: { equal: tablesDiffering.length === 0, tablesDiffering, rowsMended: mended.length, rowsResent }, mended };
}
