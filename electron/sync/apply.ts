import type Database from 'better-sqlite3';
import { latestStamp, mergeChange, type IncomingChange, type RowClock, type StoredRow, type SyncValue } from '#shared/sync/merge.ts';
import { rowValues, type FeedChange, type SnapshotPage } from '#shared/sync/protocol.ts';
import { CLOCK_COLUMN, isSyncedTable, syncTable, type SyncedTableName } from '#shared/sync/tables.ts';
import { dataColumnsOf } from './capture-triggers.ts';
import { statement } from '../db/statements.ts';
import { createLogger } from '../platform/logger.ts';
import { SYNC_MODE, type SyncMode } from './change-stamps.ts';
import { runAfterApply } from './participants.ts';

const log = createLogger('sync');

export type AppliedRow = { readonly table: SyncedTableName; readonly id: string; readonly inserted: boolean };

type ParentLink = { readonly parent: string; readonly from: string; readonly to: string };

/** Statements per table, prepared once per connection: applying thousands of rows reuses them. */
export class TableWriter {
  readonly #columns = new Map<string, Set<string>>();
  readonly #required = new Map<string, readonly string[]>();
  readonly #parents = new Map<string, readonly ParentLink[]>();
  readonly #newRowPlans = new Map<string, { columns: readonly string[]; statement: Database.Statement }>();

  constructor(private readonly sqlite: Database.Database) {}

  columnsOf(table: SyncedTableName): Set<string> {
    let columns = this.#columns.get(table);
    if (columns === undefined) {
      columns = new Set(dataColumnsOf(this.sqlite, table));
      this.#columns.set(table, columns);
    }
    return columns;
  }

  /** The columns a row cannot be stored without. */
  #requiredOf(table: SyncedTableName): readonly string[] {
    let required = this.#required.get(table);
    if (required === undefined) {
      const info = this.sqlite.prepare(`select name, "notnull" as not_null, dflt_value, pk from pragma_table_info(?)`).all(table) as { name: string; not_null: number; dflt_value: string | null; pk: number }[];
      required = info.filter((column) => column.not_null === 1 && column.dflt_value === null && column.pk === 0 && column.name !== CLOCK_COLUMN).map((column) => column.name);
      this.#required.set(table, required);
    }
    return required;
  }

  #parentsOf(table: SyncedTableName): readonly ParentLink[] {
    let parents = this.#parents.get(table);
    if (parents === undefined) {
      const links = this.sqlite.prepare(`select "table" as parent, "from", "to" from pragma_foreign_key_list(?)`).all(table) as { parent: string; from: string; to: string | null }[];
      parents = links.map((link) => ({ parent: link.parent, from: link.from, to: link.to ?? 'id' }));
      this.#parents.set(table, parents);
    }
    return parents;
  }

  isWhole(table: SyncedTableName, values: Readonly<Record<string, SyncValue>>): boolean {
    return this.#requiredOf(table).every((column) => values[column] !== undefined && values[column] !== null);
  }

  parentsPresent(table: SyncedTableName, values: Readonly<Record<string, SyncValue>>): boolean {
    return this.#parentsOf(table).every((link) => {
      const value = values[link.from];
      return value === undefined || value === null || statement(this.sqlite, `select 1 from "${link.parent}" where "${link.to}" = ?`).get(value) !== undefined;
    });
  }

  read(table: SyncedTableName, id: string): StoredRow | null {
    const key = syncTable(table).key;
    const row = statement(this.sqlite, `select * from "${table}" where "${key}" = ?`).get(id) as Record<string, SyncValue> | undefined;
    if (row === undefined) return null;
    const { [CLOCK_COLUMN]: clock, ...values } = row;
    // A row written before this workstation kept clocks counts as older than any change.
    return { values, clock: typeof clock === 'string' ? (JSON.parse(clock) as RowClock) : { '*': '' } };
  }

  insert(table: SyncedTableName, values: Readonly<Record<string, SyncValue>>, clock: RowClock, ifAbsent: boolean): void {
    const known = this.columnsOf(table);
    const columns = Object.keys(values).filter((column) => known.has(column));
    const sql = `insert ${ifAbsent ? 'or ignore ' : ''}into "${table}" (${[...columns, CLOCK_COLUMN].map((column) => `"${column}"`).join(', ')}) values (${[...columns, CLOCK_COLUMN].map(() => '?').join(', ')})`;
    statement(this.sqlite, sql).run(...columns.map((column) => values[column] ?? null), syncTable(table).kind === 'ledger' ? null : JSON.stringify(clock));
  }

  /**
   * The common case of a first sync: a whole row, with every column, not here yet. One prepared
   * statement per table; false when the row is already here (then it is merged the usual way).
   */
  insertIfNew(table: SyncedTableName, values: Readonly<Record<string, SyncValue>>, clock: RowClock): boolean | null {
    const plan = this.#newRowPlan(table);
    const args: SyncValue[] = [];
    for (const column of plan.columns) {
      const value = values[column];
      if (value === undefined) return null;
      args.push(value);
    }
    args.push(syncTable(table).kind === 'ledger' ? null : JSON.stringify(clock));
    return plan.statement.run(...args).changes === 1;
  }

  /**
   * insertIfNew for rows given as values in a page's column order, prepared once per page: null
   * when the page lacks a column of this table (its rows are merged the usual way instead). The
   * inserter answers null for a row that is not whole, false for one already here.
   */
  newRowInserter(table: SyncedTableName, pageColumns: readonly string[]): ((row: readonly SyncValue[], clock: RowClock) => boolean | null) | null {
    const plan = this.#newRowPlan(table);
    const picks = plan.columns.map((column) => pageColumns.indexOf(column));
    if (picks.includes(-1)) return null;
    const required = this.#requiredOf(table).map((column) => pageColumns.indexOf(column));
    const ledger = syncTable(table).kind === 'ledger';
    const args: SyncValue[] = new Array<SyncValue>(picks.length + 1).fill(null);
    // Called for every row of a first sync: plain loops and one array bound as it is, with no
    // iterator or spread to allocate per row.
    return (row, clock) => {
      for (let index = 0; index < required.length; index += 1) if (row[required[index] ?? -1] === null) return null;
      for (let index = 0; index < picks.length; index += 1) args[index] = row[picks[index] ?? -1] ?? null;
      args[picks.length] = ledger ? null : JSON.stringify(clock);
      return plan.statement.run(args).changes === 1;
    };
  }

  #newRowPlan(table: SyncedTableName): { columns: readonly string[]; statement: Database.Statement } {
    let plan = this.#newRowPlans.get(table);
    if (plan === undefined) {
      const columns = [...this.columnsOf(table)];
      const key = syncTable(table).key;
      const sql = `insert into "${table}" (${[...columns, CLOCK_COLUMN].map((column) => `"${column}"`).join(', ')}) values (${[...columns, CLOCK_COLUMN].map(() => '?').join(', ')}) on conflict ("${key}") do nothing`;
      plan = { columns, statement: this.sqlite.prepare(sql) };
      this.#newRowPlans.set(table, plan);
    }
    return plan;
  }

  update(table: SyncedTableName, id: string, values: Readonly<Record<string, SyncValue>>, columns: readonly string[], clock: RowClock): void {
    const known = this.columnsOf(table);
    const set = columns.filter((column) => known.has(column));
    const key = syncTable(table).key;
    const sql = `update "${table}" set ${[...set, CLOCK_COLUMN].map((column) => `"${column}" = ?`).join(', ')} where "${key}" = ?`;
    statement(this.sqlite, sql).run(...set.map((column) => values[column] ?? null), JSON.stringify(clock), id);
  }

  readParked(table: SyncedTableName, id: string): StoredRow | null {
    const row = statement(this.sqlite, `select data, clock from sync_parked where tbl = ? and row_id = ?`).get(table, id) as { data: string; clock: string } | undefined;
    return row === undefined ? null : { values: JSON.parse(row.data) as Record<string, SyncValue>, clock: JSON.parse(row.clock) as RowClock };
  }

  /** Whether no row waits aside: then a new row can go straight in, with nothing to merge it with. */
  noneParked = false;

  beginPage(): void {
    this.noneParked = !this.hasParked();
  }

  park(table: SyncedTableName, id: string, row: StoredRow, nowIso: string): void {
    this.noneParked = false;
    statement(this.sqlite, `insert into sync_parked (tbl, row_id, data, clock, parked_at) values (?, ?, ?, ?, ?) on conflict (tbl, row_id) do update set data = excluded.data, clock = excluded.clock`).run(
      table,
      id,
      JSON.stringify(row.values),
      JSON.stringify(row.clock),
      nowIso,
    );
  }

  unpark(table: SyncedTableName, id: string): void {
    statement(this.sqlite, `delete from sync_parked where tbl = ? and row_id = ?`).run(table, id);
  }

  hasParked(): boolean {
    return statement(this.sqlite, `select exists (select 1 from sync_parked)`).pluck().get() === 1;
  }

  parked(): { table: string; id: string }[] {
    return (statement(this.sqlite, `select tbl, row_id from sync_parked order by parked_at, tbl, row_id`).all() as { tbl: string; row_id: string }[]).map((row) => ({ table: row.tbl, id: row.row_id }));
  }
}

const writers = new WeakMap<Database.Database, TableWriter>();
export function writerFor(sqlite: Database.Database): TableWriter {
  let writer = writers.get(sqlite);
  if (writer === undefined) {
    writer = new TableWriter(sqlite);
    writers.set(sqlite, writer);
  }
  return writer;
}

/**
 * Runs work with the capture triggers set aside (remote changes are not ours to send back) and
 * foreign keys checked only at commit, since a page may bring a row before the one it refers to.
 * Each module then brings up to date what its triggers noted of the page (runAfterApply), once,
 * at its end, in its transaction: the patients' name index, say.
 *
 * Inside the caller's transaction the work runs in it, not in a savepoint of its own: a savepoint
 * copies every page it first writes aside (about 5 ms of a 1,000-change page), and a failure
 * rolls the caller's transaction back whole anyway. Outside one, it opens its own.
 */
export function withTriggersAside<T>(sqlite: Database.Database, mode: SyncMode, work: () => T): T {
  const aside = (): T => {
    const previous = statement(sqlite, `select mode from sync_state where id = 1`).pluck().get() as number;
    sqlite.pragma('defer_foreign_keys = ON');
    statement(sqlite, `update sync_state set mode = ? where id = 1`).run(mode);
    try {
      const result = work();
      if (mode === SYNC_MODE.applying) runAfterApply(sqlite);
      return result;
    } finally {
      statement(sqlite, `update sync_state set mode = ? where id = 1`).run(previous);
    }
  };
  return sqlite.inTransaction ? aside() : sqlite.transaction(aside)();
}

/**
 * How a page is applied. The fast way trusts that parents come before their children, as they do
 * unless the hub lost rows; the careful way checks each new row's parents and parks the orphans.
 */
export type ApplyMode = { readonly careful: boolean; readonly nowIso: string };

/** Merges one change into the local row, as the hub and every other replica do. */
export function applyOne(writer: TableWriter, table: SyncedTableName, id: string, change: IncomingChange, mode: ApplyMode): AppliedRow | null {
  if (writer.noneParked && !mode.careful && change.kind !== 'update') {
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
    const parked = writer.readParked(table, id);
    const merged = mergeChange(syncTable(table), parked, change);
    const row = { values: { ...merged.values, [syncTable(table).key]: id }, clock: merged.clock };
    if (!writer.isWhole(table, row.values) || (mode.careful && !writer.parentsPresent(table, row.values))) {
      writer.park(table, id, row, mode.nowIso);
      return null;
    }
    try {
      writer.insert(table, row.values, row.clock, false);
    } catch (error) {
      if (!isUniqueClash(error)) throw error;
      setAsideClash(writer, table, id, row, mode.nowIso, error);
      return null;
    }
    if (parked !== null) writer.unpark(table, id);
    return { table, id, inserted: true };
  }
  const merged = mergeChange(syncTable(table), stored, change);
  const clockChanged = JSON.stringify(merged.clock) !== JSON.stringify(stored.clock);
  if (merged.changedColumns.length === 0 && !clockChanged) return null;
  writer.update(table, id, merged.values, merged.changedColumns, merged.clock);
  return { table, id, inserted: false };
}

function isUniqueClash(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}

/**
 * A row that clashes with one here on a value that must be unique (two desks gave one username,
 * or linked one patient to the clinic, while apart): it waits aside rather than stop every
 * change behind it, and the hub keeps both.
 */
function setAsideClash(writer: TableWriter, table: SyncedTableName, id: string, row: StoredRow, nowIso: string, error: Error): void {
  writer.park(table, id, row, nowIso);
  log.warn('a row from the hub clashes with one here on a unique value; it waits aside', { table, constraint: error.message.replace(/^UNIQUE constraint failed: /, '') });
}

/** Moves parked rows that have become whole, and whose parents have arrived, into their tables. */
function settleParked(writer: TableWriter): AppliedRow[] {
  const settled: AppliedRow[] = [];
  for (let moved = true; moved && writer.hasParked(); ) {
    moved = false;
    for (const { table, id } of writer.parked()) {
      if (!isSyncedTable(table)) continue;
      const row = writer.readParked(table, id);
      if (row === null || !writer.isWhole(table, row.values) || !writer.parentsPresent(table, row.values)) continue;
      try {
        writer.insert(table, row.values, row.clock, false);
      } catch (error) {
        if (isUniqueClash(error)) continue;
        throw error;
      }
      writer.unpark(table, id);
      settled.push({ table, id, inserted: true });
      moved = true;
    }
  }
  return settled;
}

/** A row that a page changed more than once clashed on a unique value: the page is applied again the careful way, change by change. */
class FoldedRowClash extends Error {
  constructor() {
    super('a row changed more than once in a page clashes on a unique value');
  }
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
function applyFolded(writer: TableWriter, table: SyncedTableName, id: string, changes: readonly FeedChange[], mode: ApplyMode): AppliedRow | null {
  // Merged from nothing once, when the row may be new: for the insert tried first, or for a row not here.
  const tried = changes[0]?.kind === 'update' ? null : folded(table, null, changes);
  if (tried !== null && writer.isWhole(table, tried.values) && orCarefully(() => writer.insertIfNew(table, tried.values, tried.clock)) === true) return { table, id, inserted: true };
  const stored = writer.read(table, id);
  if (stored === null) {
    const created = tried ?? folded(table, null, changes);
    const row = { values: { ...created.values, [syncTable(table).key]: id }, clock: created.clock };
    if (!writer.isWhole(table, row.values)) {
      writer.park(table, id, row, mode.nowIso);
      return null;
    }
    orCarefully(() => writer.insert(table, row.values, row.clock, false));
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
  const applied: AppliedRow[] = [];
  withTriggersAside(sqlite, SYNC_MODE.applying, () => {
    writer.beginPage();
    if (!mode.careful && writer.noneParked) {
      for (const row of changesByRow(changes, ownDeviceId)) {
        const [only] = row.changes;
        const result = row.changes.length === 1 && only !== undefined ? applyOne(writer, row.table, row.id, only, mode) : applyFolded(writer, row.table, row.id, row.changes, mode);
        if (result !== null) applied.push(result);
      }
    } else {
      for (const change of changes) {
        if (change.origin === ownDeviceId || !isSyncedTable(change.table)) continue;
        const result = applyOne(writer, change.table, change.id, change, mode);
        if (result !== null) applied.push(result);
      }
    }
    applied.push(...settleParked(writer));
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
  const keyPosition = page.columns.indexOf(syncTable(table).key);
  if (keyPosition === -1) return 0;
  withTriggersAside(sqlite, SYNC_MODE.bulk, () => {
    writer.beginPage();
    const insertNew = mode.careful ? null : writer.newRowInserter(table, page.columns);
    for (const [index, row] of page.rows.entries()) {
      const id = row[keyPosition];
      if (typeof id !== 'string') continue;
      const clock = page.clocks[index] ?? {};
      if (insertNew !== null && writer.noneParked && insertedNew(insertNew, row, clock)) continue;
      applyOne(writer, table, id, { columns: rowValues(page.columns, row), hlc: latestStamp(clock), clock }, mode);
    }
    settleParked(writer);
  });
  return page.rows.length;
}

function isMissingParent(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Runs one page's transaction the fast way, and when a row's parent turns out to be missing at
 * commit, or a row written once for several changes clashes on a unique value (rolled back whole
 * by then), once more the careful way, so a page never wedges the pull.
 */
export function inPageTransaction(sqlite: Database.Database, nowIso: string, work: (mode: ApplyMode) => void): void {
  try {
    sqlite.transaction(() => work({ careful: false, nowIso }))();
  } catch (error) {
    if (!isMissingParent(error) && !(error instanceof FoldedRowClash)) throw error;
    sqlite.transaction(() => work({ careful: true, nowIso }))();
  }
}

/** Rows waiting for the rest of themselves or for their parents; none once every device has synced. */
export function parkedCount(sqlite: Database.Database): number {
  return sqlite.prepare(`select count(*) from sync_parked`).pluck().get() as number;
}
