import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HubDb } from './hub-db.ts';

export class HubSchemaError extends Error {}

type Migration = { readonly tag: string; readonly sql: string; readonly checksum: string };

function shippedMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { tag: name.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the hub's pending migrations in one transaction (PostgreSQL changes schemas
 * transactionally, so a failed one leaves nothing half-done). An advisory lock makes
 * hub processes starting together on one PostgreSQL take turns; a database from a newer hub, or
 * with an edited migration, is refused untouched.
 */
export async function migrateHub(db: HubDb, dir: string): Promise<string[]> {
  const shipped = shippedMigrations(dir);
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(7264021)`);
    await tx.query(`create table if not exists hub_migrations (tag text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    const done = await tx.query<{ tag: string; checksum: string }>(`select tag, checksum from hub_migrations order by tag`);
    const known = new Map(shipped.map((migration) => [migration.tag, migration]));
    for (const row of done) {
      const migration = known.get(row.tag);
      if (migration === undefined) throw new HubSchemaError(`The hub database has schema change "${row.tag}" from a newer hub; run the newer hub. Nothing was changed.`);
      if (migration.checksum !== row.checksum) throw new HubSchemaError(`Schema change "${row.tag}" differs from the one this hub ships. Nothing was changed.`);
    }
    const doneTags = new Set(done.map((row) => row.tag));
    for (const migration of shipped.filter((candidate) => !doneTags.has(candidate.tag))) {
      for (const statement of migration.sql.split(/;\s*$/m).map((part) => part.trim()).filter((part) => part.replace(/--[^\n]*\n?/g, '').trim() !== '')) {
        await tx.query(statement);
      }
      await tx.query(`insert into hub_migrations (tag, checksum) values ($1, $2)`, [migration.tag, migration.checksum]);
      applied.push(migration.tag);
    }
  });
  return applied;
}
