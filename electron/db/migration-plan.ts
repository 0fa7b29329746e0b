import type Database from 'better-sqlite3';
import type { ShippedMigration } from './migration-files.ts';

export const MIGRATIONS_TABLE = '_migrations';

export type AppliedMigration = { readonly tag: string; readonly checksum: string };

export class DatabaseRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseRefusedError';
  }
}

export function readAppliedMigrations(sqlite: Database.Database): AppliedMigration[] {
  const table = sqlite
    .prepare(`select name from sqlite_master where type = 'table' and name = ?`)
    .get(MIGRATIONS_TABLE);
  if (table === undefined) return [];
  return sqlite.prepare(`select tag, checksum from ${MIGRATIONS_TABLE} order by id`).all() as AppliedMigration[];
}

/**
 * Decides which shipped migrations to run. The applied ones must be a prefix of the shipped
 * ones: anything else means another version of the app wrote the file, and it is not touched.
 */
export function pendingMigrations(
  applied: readonly AppliedMigration[],
  shipped: readonly ShippedMigration[],
  file: string,
): ShippedMigration[] {
  const shippedTags = new Set(shipped.map((migration) => migration.tag));
  const unknown = applied.filter((migration) => !shippedTags.has(migration.tag));
  if (unknown.length > 0 || applied.length > shipped.length) {
    throw new DatabaseRefusedError(
      `The clinic database at ${file} was written by a newer version of Clinic Desk ` +
        `(it has schema change "${unknown[0]?.tag ?? applied[applied.length - 1]?.tag}", which this version does not know). ` +
        'Install the newer version to open it; this version has left it untouched.',
    );
  }
  applied.forEach((migration, index) => {
    const expected = shipped[index];
    if (expected === undefined || expected.tag !== migration.tag) {
      throw new DatabaseRefusedError(
        `The clinic database at ${file} has its schema changes in an order this version does not recognise ` +
          `("${migration.tag}" where "${expected?.tag ?? 'nothing'}" was expected). It has been left untouched.`,
      );
    }
    if (expected.checksum !== migration.checksum) {
      throw new DatabaseRefusedError(
        `Schema change "${migration.tag}" of the clinic database at ${file} differs from the one this version ships. ` +
          'It has been left untouched; contact support.',
      );
    }
  });
  return shipped.slice(applied.length);
}
