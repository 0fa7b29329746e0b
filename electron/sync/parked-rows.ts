import { readRowClock, readRowValues } from '#shared/sync/stored-json.ts';
import type Database from 'better-sqlite3';
import type { StoredRow } from '#shared/sync/merge.ts';
import { isSyncedTable, type SyncedTableName } from '#shared/sync/tables.ts';
import { statement } from '../db/statements.ts';
import { createLogger } from '../platform/logger.ts';
import { isUniqueClash, type AppliedRow, type TableWriter } from './table-writer.ts';

const log = createLogger('sync');

/**
 * Rows from the hub that cannot go into their tables yet (sync_parked): not whole (the hub lost
 * their creation), their parents not here, or clashing with a row here on a unique value. One per
 * connection, for what it remembers between pages.
 */
export class ParkedRows {
  /** Whether no row waits aside: then a new row can go straight in, with nothing to merge it with. */
  noneParked = false;

  constructor(private readonly sqlite: Database.Database) {}

  beginPage(): void {
    this.noneParked = !this.any();
  }

  read(table: SyncedTableName, id: string): StoredRow | null {
    const row = statement(this.sqlite, `select data, clock from sync_parked where tbl = ? and row_id = ?`).get(table, id) as { data: string; clock: string } | undefined;
    return row === undefined ? null : { values: readRowValues(row.data, 'A parked row'), clock: readRowClock(row.clock, 'A parked row\'s clock') };
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

  any(): boolean {
    return statement(this.sqlite, `select exists (select 1 from sync_parked)`).pluck().get() === 1;
  }

  list(): { table: string; id: string }[] {
    return (statement(this.sqlite, `select tbl, row_id from sync_parked order by parked_at, tbl, row_id`).all() as { tbl: string; row_id: string }[]).map((row) => ({ table: row.tbl, id: row.row_id }));
  }
}

const parkedByConnection = new WeakMap<Database.Database, ParkedRows>();
export function parkedRowsFor(sqlite: Database.Database): ParkedRows {
  let parked = parkedByConnection.get(sqlite);
  if (parked === undefined) {
    parked = new ParkedRows(sqlite);
    parkedByConnection.set(sqlite, parked);
  }
  return parked;
}

/**
 * A row that clashes with one here on a value that must be unique (two desks gave one username,
 * or linked one patient to the clinic, while apart): it waits aside rather than stop every
 * change behind it, and the hub keeps both.
 */
export function setAsideClash(parked: ParkedRows, table: SyncedTableName, id: string, row: StoredRow, nowIso: string, error: Error): void {
  parked.park(table, id, row, nowIso);
  log.warn('a row from the hub clashes with one here on a unique value; it waits aside', { table, constraint: error.message.replace(/^UNIQUE constraint failed: /, '') });
}

/** Moves parked rows that have become whole, and whose parents have arrived, into their tables. */
export function settleParked(writer: TableWriter, parked: ParkedRows): AppliedRow[] {
  const settled: AppliedRow[] = [];
  for (let moved = true; moved && parked.any(); ) {
    moved = false;
    for (const { table, id } of parked.list()) {
      if (!isSyncedTable(table)) continue;
      const row = parked.read(table, id);
      if (row === null || !writer.isWhole(table, row.values) || !writer.parentsPresent(table, row.values)) continue;
      try {
        writer.insert(table, row.values, row.clock, false);
      } catch (error) {
        if (isUniqueClash(error)) continue;
        throw error;
      }
      parked.unpark(table, id);
      settled.push({ table, id, inserted: true });
      moved = true;
    }
  }
  return settled;
}

/** Rows waiting for the rest of themselves or for their parents; none once every device has synced. */
export function parkedCount(sqlite: Database.Database): number {
  return sqlite.prepare(`select count(*) from sync_parked`).pluck().get() as number;
}
