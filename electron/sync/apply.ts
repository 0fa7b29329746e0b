import type Database from 'better-sqlite3';
import { mergeChange, type RowClock, type StoredRow, type SyncValue } from '#shared/sync/merge.ts';
import type { FeedChange } from '#shared/sync/protocol.ts';
import { CLOCK_COLUMN, isSyncedTable, syncedTables, type SyncedTableName } from '#shared/sync/tables.ts';
import { dataColumnsOf } from './capture-triggers.ts';
import { SYNC_MODE, type SyncMode } from './change-stamps.ts';

export type AppliedRow = { readonly table: SyncedTableName; readonly id: string; readonly inserted: boolean };

/** Statements per table, prepared once per connection: applying thousands of rows reuses them. */
class TableWriter {
  readonly #statements = new Map<string, Database.Statement>();
  readonly #columns = new Map<string, Set<string>>();

  constructor(private readonly sqlite: Database.Database) {}

  columnsOf(table: SyncedTableName): Set<string> {
    let columns = this.#columns.get(table);
    if (columns === undefined) {
      columns = new Set(dataColumnsOf(this.sqlite, table));
      this.#columns.set(table, columns);
    }
    return columns;
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.sqlite.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  read(table: SyncedTableName, id: string): StoredRow | null {
    const key = syncedTables[table].key;
    const row = this.#statement(`select * from "${table}" where "${key}" = ?`).get(id) as Record<string, SyncValue> | undefined;
    if (row === undefined) return null;
    const { [CLOCK_COLUMN]: clock, ...values } = row;
    // A row written before this workstation kept clocks counts as older than any change.
    return { values, clock: typeof clock === 'string' ? (JSON.parse(clock) as RowClock) : { '*': '' } };
  }

  insert(table: SyncedTableName, values: Readonly<Record<string, SyncValue>>, clock: RowClock, ifAbsent: boolean): void {
    const known = this.columnsOf(table);
    const columns = Object.keys(values).filter((column) => known.has(column));
    const sql = `insert ${ifAbsent ? 'or ignore ' : ''}into "${table}" (${[...columns, CLOCK_COLUMN].map((column) => `"${column}"`).join(', ')}) values (${[...columns, CLOCK_COLUMN].map(() => '?').join(', ')})`;
    this.#statement(sql).run(...columns.map((column) => values[column] ?? null), syncedTables[table].kind === 'ledger' ? null : JSON.stringify(clock));
  }

  update(table: SyncedTableName, id: string, values: Readonly<Record<string, SyncValue>>, columns: readonly string[], clock: RowClock): void {
    const known = this.columnsOf(table);
    const set = columns.filter((column) => known.has(column));
    const key = syncedTables[table].key;
    const sql = `update "${table}" set ${[...set, CLOCK_COLUMN].map((column) => `"${column}" = ?`).join(', ')} where "${key}" = ?`;
    this.#statement(sql).run(...set.map((column) => values[column] ?? null), JSON.stringify(clock), id);
  }
}

const writers = new WeakMap<Database.Database, TableWriter>();
function writerFor(sqlite: Database.Database): TableWriter {
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
 */
export function withTriggersAside<T>(sqlite: Database.Database, mode: SyncMode, work: () => T): T {
  return sqlite.transaction(() => {
    const previous = sqlite.prepare(`select mode from sync_state where id = 1`).pluck().get() as number;
    sqlite.pragma('defer_foreign_keys = ON');
    sqlite.prepare(`update sync_state set mode = ? where id = 1`).run(mode);
    try {
      return work();
    } finally {
      sqlite.prepare(`update sync_state set mode = ? where id = 1`).run(previous);
    }
  })();
}

/** Merges one change into the local row, as the hub and every other replica do. */
function applyOne(writer: TableWriter, table: SyncedTableName, id: string, change: { columns: Readonly<Record<string, SyncValue>>; hlc: string; clock?: RowClock | null }): AppliedRow | null {
  const stored = writer.read(table, id);
  const merged = mergeChange(syncedTables[table], stored, change);
  if (stored === null) {
    writer.insert(table, merged.values, merged.clock, false);
    return { table, id, inserted: true };
  }
  const clockChanged = JSON.stringify(merged.clock) !== JSON.stringify(stored.clock);
  if (merged.changedColumns.length === 0 && !clockChanged) return null;
  writer.update(table, id, merged.values, merged.changedColumns, merged.clock);
  return { table, id, inserted: false };
}

/** Applies a page of the hub's feed in the caller's transaction; this device's own changes are recognised and passed over. */
export function applyFeedPage(sqlite: Database.Database, changes: readonly FeedChange[], ownDeviceId: string): AppliedRow[] {
  const writer = writerFor(sqlite);
  const applied: AppliedRow[] = [];
  withTriggersAside(sqlite, SYNC_MODE.applying, () => {
    for (const change of changes) {
      if (change.origin === ownDeviceId || !isSyncedTable(change.table)) continue;
      const result = applyOne(writer, change.table, change.id, change);
      if (result !== null) applied.push(result);
    }
  });
  return applied;
}

/**
 * Loads a page of a first sync's rows. In bulk mode the name index waits for one rebuild at the
 * end; a row already here (a resumed first sync, or a change that came first) is merged.
 */
export function applySnapshotPage(sqlite: Database.Database, table: SyncedTableName, rows: readonly { values: Readonly<Record<string, SyncValue>>; clock: RowClock }[]): number {
  const writer = writerFor(sqlite);
  withTriggersAside(sqlite, SYNC_MODE.bulk, () => {
    for (const row of rows) {
      const id = row.values[syncedTables[table].key];
      if (typeof id !== 'string') continue;
      const stamp = Object.values(row.clock).reduce((max, value) => (value > max ? value : max), '');
      applyOne(writer, table, id, { columns: row.values, hlc: stamp, clock: row.clock });
    }
  });
  return rows.length;
}
