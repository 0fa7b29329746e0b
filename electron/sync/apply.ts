import type Database from 'better-sqlite3';
import { latestStamp, mergeChange, type IncomingChange, type RowClock, type StoredRow, type SyncValue } from '#shared/sync/merge.ts';
import { rowValues, type FeedChange, type SnapshotPage } from '#shared/sync/protocol.ts';
import { isSyncedTable, syncTable, type SyncedTableName } from '#shared/sync/tables.ts';
import { SYNC_MODE } from './change-stamps.ts';
import { FoldedRowClash, withTriggersAside, type ApplyMode } from './page-transaction.ts';
import { parkedRowsFor, setAsideClash, settleParked, type ParkedRows } from './parked-rows.ts';
import { isUniqueClash, writerFor, type AppliedRow, type TableWriter } from './table-writer.ts';

// Applying the hub's changes: a page of its feed, or a page of a first sync. The writes are
// table-writer.ts's, the rows set aside parked-rows.ts's, the transaction page-transaction.ts's;
// what the pull names of them is exported from here too.
export { inPageTransaction } from './page-transaction.ts';
export { parkedCount } from './parked-rows.ts';
export type { AppliedRow } from './table-writer.ts';

/** Merges one change into the local row, as the hub and every other replica do. */
export function applyOne(writer: TableWriter, parked: ParkedRows, table: SyncedTableName, id: string, change: IncomingChange, mode: ApplyMode): AppliedRow | null {
  if (parked.noneParked && !mode.careful && change.kind !== 'update') {
    const created = mergeChange(syncTable(table), null, change);
    try {
      if (writer.isWhole(table, created.values) && writer.insertIfNew(table, created.values, created.clock) === true) return { table, id, inserted: true };
    } catch (error) {
      // A clash on a unique value: the careful way below sets the row aside.
      if (!isUniqueClash(error)) throw error;
    }
  }
  const stored = writer.read(table, id);
  if (stored === null) {
    const waiting = parked.read(table, id);
    const merged = mergeChange(syncTable(table), waiting, change);
    const row = { values: { ...merged.values, [syncTable(table).key]: id }, clock: merged.clock };
    if (!writer.isWhole(table, row.values) || (mode.careful && !writer.parentsPresent(table, row.values))) {
      parked.park(table, id, row, mode.nowIso);
      return null;
    }
    try {
      writer.insert(table, row.values, row.clock, false);
    } catch (error) {
      if (!isUniqueClash(error)) throw error;
      setAsideClash(parked, table, id, row, mode.nowIso, error);
      return null;
    }
    if (waiting !== null) parked.unpark(table, id);
    return { table, id, inserted: true };
  }
  const merged = mergeChange(syncTable(table), stored, change);
  const clockChanged = JSON.stringify(merged.clock) !== JSON.stringify(stored.clock);
  if (merged.changedColumns.length === 0 && !clockChanged) return null;
  writer.update(table, id, merged.values, merged.changedColumns, merged.clock);
  return { table, id, inserted: false };
}

function orCarefully<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueClash(error)) throw new FoldedRowClash();
    throw error;
  }
}

/** Merges a row's changes one after another, as writing each and reading it back would, without the writes between. */
function folded(table: SyncedTableName, start: StoredRow | null, changes: readonly FeedChange[]): StoredRow {
  let row = start;
  for (const change of changes) {
    const merged = mergeChange(syncTable(table), row, change);
    row = { values: merged.values, clock: merged.clock };
  }
  return row ?? { values: {}, clock: {} };
}

/**
 * A row a page changes several times (a queue entry called, seen and finished between two syncs)
 * is written once, as it stands after its last change: the same row as applying each change in
 * turn, since each merge reads only the row and the change.
 */
function applyFolded(writer: TableWriter, parked: ParkedRows, row: RowChanges, mode: ApplyMode): AppliedRow | null {
  const { table, id, changes } = row;
  // Merged from nothing once, when the row may be new: for the insert tried first, or for a row not here.
  const tried = changes[0]?.kind === 'update' ? null : folded(table, null, changes);
  if (tried !== null && writer.isWhole(table, tried.values) && orCarefully(() => writer.insertIfNew(table, tried.values, tried.clock)) === true) return { table, id, inserted: true };
  const stored = writer.read(table, id);
  if (stored === null) {
    const created = tried ?? folded(table, null, changes);
    const whole = { values: { ...created.values, [syncTable(table).key]: id }, clock: created.clock };
    if (!writer.isWhole(table, whole.values)) {
      parked.park(table, id, whole, mode.nowIso);
      return null;
    }
    orCarefully(() => writer.insert(table, whole.values, whole.clock, false));
    return { table, id, inserted: true };
  }
  const merged = folded(table, stored, changes);
  const changedColumns = Object.keys(merged.values).filter((column) => merged.values[column] !== stored.values[column]);
  if (changedColumns.length === 0 && JSON.stringify(merged.clock) === JSON.stringify(stored.clock)) return null;
  writer.update(table, id, merged.values, changedColumns, merged.clock);
  return { table, id, inserted: false };
}

type RowChanges = { readonly table: SyncedTableName; readonly id: string; readonly changes: FeedChange[] };

/** A page's changes by row, each row where it first appears; this device's own changes left out. */
function changesByRow(changes: readonly FeedChange[], ownDeviceId: string): Iterable<RowChanges> {
  const rows = new Map<string, RowChanges>();
  for (const change of changes) {
    if (change.origin === ownDeviceId || !isSyncedTable(change.table)) continue;
    const key = `${change.table}\u0000${change.id}`;
    const row = rows.get(key);
    if (row === undefined) rows.set(key, { table: change.table, id: change.id, changes: [change] });
    else row.changes.push(change);
  }
  return rows.values();
}

/**
 * Applies a page of the hub's feed in the caller's transaction; this device's own changes are
 * recognised and passed over. The fast way writes each row once; the careful way (rows waiting
 * aside, or a parent or unique value that did not hold) applies the changes one by one.
 */
export function applyFeedPage(sqlite: Database.Database, changes: readonly FeedChange[], ownDeviceId: string, mode: ApplyMode): AppliedRow[] {
  const writer = writerFor(sqlite);
  const parked = parkedRowsFor(sqlite);
  const applied: AppliedRow[] = [];
  withTriggersAside(sqlite, SYNC_MODE.applying, () => {
    parked.beginPage();
    if (!mode.careful && parked.noneParked) {
      for (const row of changesByRow(changes, ownDeviceId)) {
        const [only] = row.changes;
        const result = row.changes.length === 1 && only !== undefined ? applyOne(writer, parked, row.table, row.id, only, mode) : applyFolded(writer, parked, row, mode);
        if (result !== null) applied.push(result);
      }
    } else {
      for (const change of changes) {
        if (change.origin === ownDeviceId || !isSyncedTable(change.table)) continue;
        const result = applyOne(writer, parked, change.table, change.id, change, mode);
        if (result !== null) applied.push(result);
      }
    }
    applied.push(...settleParked(writer, parked));
  });
  return applied;
}

/** A new row from a page in; false when it is not whole, is here already or clashes on a unique value (then it is merged). */
function insertedNew(insert: (row: readonly SyncValue[], clock: RowClock) => boolean | null, row: readonly SyncValue[], clock: RowClock): boolean {
  try {
    return insert(row, clock) === true;
  } catch (error) {
    if (!isUniqueClash(error)) throw error;
    return false;
  }
}

/**
 * Loads a page of a first sync. In bulk mode the name index waits for one rebuild at the end; a
 * new row goes straight in from the page's values, and a row already here (a resumed first sync,
 * or a change that came first) is merged.
 */
export function applySnapshotPage(sqlite: Database.Database, table: SyncedTableName, page: SnapshotPage, mode: ApplyMode): number {
  const writer = writerFor(sqlite);
  const parked = parkedRowsFor(sqlite);
  const keyPosition = page.columns.indexOf(syncTable(table).key);
  if (keyPosition === -1) return 0;
  withTriggersAside(sqlite, SYNC_MODE.bulk, () => {
    parked.beginPage();
    const insertNew = mode.careful ? null : writer.newRowInserter(table, page.columns);
    for (const [index, row] of page.rows.entries()) {
      const id = row[keyPosition];
      if (typeof id !== 'string') continue;
      const clock = page.clocks[index] ?? {};
      if (insertNew !== null && parked.noneParked && insertedNew(insertNew, row, clock)) continue;
      applyOne(writer, parked, table, id, { columns: rowValues(page.columns, row), hlc: latestStamp(clock), clock }, mode);
    }
    settleParked(writer, parked);
  });
  return page.rows.length;
}
