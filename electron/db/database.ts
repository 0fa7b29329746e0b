import type Database from 'better-sqlite3';
import type { RunResult } from 'better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema/index.ts';

export type Schema = typeof schema;

/** A drizzle handle: the database itself or a transaction inside it. Functions take it first. */
export type Db = BaseSQLiteDatabase<'sync', RunResult, Schema>;

export type OpenedDatabase = {
  readonly db: Db;
  /** The better-sqlite3 connection, for what drizzle does not cover (backup, pragmas, transactions). */
  readonly sqlite: Database.Database;
  readonly file: string;
};
