import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '#core/core.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

/**
 * The ceiling for a first sync: better-sqlite3 inserting the very rows a joining workstation
 * loaded into an empty file with the same tables and indexes, in one transaction, with the
 * app's durability settings. Reading the rows is not timed; inserting and committing is.
 */
export function sqliteBulkInsertRowsPerSecond(core: Core, tables: readonly string[]): { rows: number; seconds: number } {
  const source = core.database.sqlite;
  const temp = makeTempDir('clinic-bench-ceiling-');
  const target = new Database(join(temp.path, 'ceiling.db'));
  try {
    target.pragma('journal_mode = WAL');
    target.pragma('synchronous = FULL');
    for (const table of tables) {
      const ddl = source.prepare(`select sql from sqlite_master where tbl_name = ? and type in ('table', 'index') and sql is not null order by type desc`).pluck().all(table) as string[];
      for (const statement of ddl) target.exec(statement);
    }
    let rows = 0;
    let nanos = 0n;
    target.exec('begin');
    for (const table of tables) {
      const read = source.prepare(`select * from "${table}"`).raw();
      const values = read.all() as unknown[][];
      const columns = read.columns().map((column) => `"${column.name}"`);
      if (values.length === 0) continue;
      const insert = target.prepare(`insert into "${table}" (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
      const started = process.hrtime.bigint();
      for (const row of values) insert.run(row);
      nanos += process.hrtime.bigint() - started;
      rows += values.length;
    }
    const committing = process.hrtime.bigint();
    target.exec('commit');
    nanos += process.hrtime.bigint() - committing;
    return { rows, seconds: Number(nanos) / 1e9 };
  } finally {
    target.close();
    temp.remove();
  }
}
