import type { Db } from './database.ts';

const byHandle = new WeakMap<Db, Map<string, unknown>>();

/**
 * A drizzle query prepared once per handle. Building a query costs about ten times running it,
 * so the queries every call makes (session, role, clinic) are built once and reused.
 */
export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
  let queries = byHandle.get(db);
  if (queries === undefined) {
    queries = new Map();
    byHandle.set(db, queries);
  }
  if (!queries.has(key)) queries.set(key, build(db));
  return queries.get(key) as T;
}
