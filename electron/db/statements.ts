import type Database from 'better-sqlite3';

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A statement compiled once per connection. The ones every sync runs, even a sync with nothing
 * to do, and the per-row ones of a page, would otherwise be compiled again each time.
 */
export function statement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = byConnection.get(sqlite);
  if (cache === undefined) {
    cache = new Map();
    byConnection.set(sqlite, cache);
  }
  let prepared = cache.get(sql);
  if (prepared === undefined) {
    prepared = sqlite.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
