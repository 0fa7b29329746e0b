import type Database from 'better-sqlite3';
import { backupBeforeMigration } from './backup.ts';
import { readShippedMigrations, type ShippedMigration } from './migration-files.ts';
import { MIGRATIONS_TABLE, pendingMigrations, readAppliedMigrations, DatabaseRefusedError } from './migration-plan.ts';

export type MigrationReport = {
  readonly applied: readonly string[];
  readonly backupFile: string | null;
};

export type MigrateOptions = {
  readonly migrationsDir: string;
  readonly backupsDir: string;
  readonly file: string;
  readonly nowMs: number;
  /** Stop after this tag; tests use it to build a database as an older version left it. */
  readonly upTo?: string;
};

function ensureMigrationsTable(sqlite: Database.Database): void {
  sqlite.exec(
    `create table if not exists ${MIGRATIONS_TABLE} (
      id integer primary key,
      tag text not null unique,
      checksum text not null,
      applied_at text not null
    )`,
  );
}

/**
 * Foreign keys are switched off around each migration (SQLite cannot change them inside a
 * transaction, and table rebuilds need them off) and checked before the commit instead.
 */
function applyOne(sqlite: Database.Database, migration: ShippedMigration, nowMs: number): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      for (const statement of migration.statements) sqlite.exec(statement);
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new DatabaseRefusedError(`Schema change "${migration.tag}" would break ${violations.length} references; it was rolled back.`);
      }
      sqlite
        .prepare(`insert into ${MIGRATIONS_TABLE} (tag, checksum, applied_at) values (?, ?, ?)`)
        .run(migration.tag, migration.checksum, new Date(nowMs).toISOString());
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

export async function migrateDatabase(sqlite: Database.Database, options: MigrateOptions): Promise<MigrationReport> {
  const shipped = readShippedMigrations(options.migrationsDir);
  const applied = readAppliedMigrations(sqlite);
  let pending = pendingMigrations(applied, shipped, options.file);
  if (options.upTo !== undefined) {
    const stop = pending.findIndex((migration) => migration.tag === options.upTo);
    pending = stop === -1 ? [] : pending.slice(0, stop + 1);
  }
  const first = pending[0];
  if (first === undefined) return { applied: [], backupFile: null };

  const backupFile = applied.length > 0 ? await backupBeforeMigration(sqlite, options.backupsDir, first.tag, options.nowMs) : null;
  ensureMigrationsTable(sqlite);
  for (const migration of pending) applyOne(sqlite, migration, options.nowMs);
  return { applied: pending.map((migration) => migration.tag), backupFile };
}
