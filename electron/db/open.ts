import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OpenedDatabase } from './database.ts';
import { migrateDatabase, type MigrationReport } from './migrate.ts';
import { readShippedMigrations } from './migration-files.ts';
import { DatabaseRefusedError, pendingMigrations, readAppliedMigrations } from './migration-plan.ts';
import { applyConnectionPragmas } from './pragmas.ts';
import * as schema from './schema/index.ts';

export type OpenDatabaseOptions = {
  readonly file: string;
  readonly migrationsDir: string;
  readonly backupsDir: string;
  readonly nowMs: number;
  readonly upTo?: string;
};

/**
 * Refuses a file from another version before anything writes to it: the check runs on a
 * read-only connection, so even the journal mode of a refused file stays as it was.
 */
function refuseForeignSchema(file: string, migrationsDir: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  let probe: Database.Database | null = null;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    pendingMigrations(readAppliedMigrations(probe), readShippedMigrations(migrationsDir), file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new DatabaseRefusedError(`The file at ${file} is not a Clinic Desk database, or it is damaged. It has been left untouched; restore it from a backup or move it away.`);
    }
    throw error;
  } finally {
    probe?.close();
  }
}

export async function openDatabase(
  options: OpenDatabaseOptions,
): Promise<OpenedDatabase & { readonly migration: MigrationReport }> {
  mkdirSync(dirname(options.file), { recursive: true });
  refuseForeignSchema(options.file, options.migrationsDir);
  const sqlite = new Database(options.file);
  try {
    applyConnectionPragmas(sqlite);
    const migration = await migrateDatabase(sqlite, options);
    return { db: drizzle({ client: sqlite, schema }), sqlite, file: options.file, migration };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
