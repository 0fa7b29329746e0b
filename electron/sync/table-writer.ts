import { readRowClock } from '#shared/sync/stored-json.ts';
import type Database from 'better-sqlite3';
import type { RowClock, StoredRow, SyncValue } from '#shared/sync/merge.ts';
import { CLOCK_COLUMN, syncTable, type SyncedTableName } from '#shared/sync/tables.ts';
import { dataColumnsOf } from './capture-triggers.ts';
import { statement } from '../db/statements.ts';

/** A row that applying the hub's changes wrote here: what conflict checks and modules look at afterwards. */
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
    return { values, clock: typeof clock === 'string' ? readRowClock(clock) : { '*': '' } };
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

/** Whether a write was refused for a value that must be unique (a key, or a unique index). */
export function isUniqueClash(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}
