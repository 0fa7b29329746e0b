import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { HubQueries } from '#hub/db/hub-db.ts';
import { openPglite } from '#hub/db/hub-db.ts';
import { migrateHub } from '#hub/db/migrate.ts';
import { hubMigrationsDir } from '#hub/hub-service.ts';
import { makeTempDir } from './temp-dir.ts';

/** An in-memory PGlite hub database, migrated, with how to close it. */
export type MemoryHub = { readonly db: HubQueries; readonly close: () => Promise<void> };

/** The migrations' content, so that a saved copy made from other migrations is never used. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(hubMigrationsDir).sort()) hash.update(file).update(readFileSync(join(hubMigrationsDir, file)));
  return hash.digest('hex').slice(0, 16);
}

/** A migrated hub database made once (in a folder, as the hub makes its own) and saved as PGlite's dump of that folder. */
async function migratedDump(): Promise<Blob> {
  const path = join(tmpdir(), `clinic-hub-migrated-${migrationsHash()}.tar`);
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const folder = makeTempDir('clinic-hub-template-');
  try {
    const hub = await openPglite(folder.path);
    await migrateHub(hub, hubMigrationsDir);
    await hub.close();
    const reopened = new PGlite(folder.path);
    await reopened.waitReady;
    const dump = await reopened.dumpDataDir('none');
    await reopened.close();
    // Written beside and renamed, so a test running meanwhile never reads half a file.
    const partial = `${path}.${String(process.pid)}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    return dump;
  } finally {
    folder.remove();
  }
}

/**
 * A migrated hub database in memory, for tests that call the hub's rules directly. Starting
 * PGlite and migrating takes seconds on a busy machine; loading a saved dump of a migrated
 * database takes a fraction of that, which matters where a file runs once per mutant.
 */
export async function openMigratedHubInMemory(): Promise<MemoryHub> {
  const db = new PGlite({ loadDataDir: await migratedDump() });
  await db.waitReady;
  return {
    db: { query: async (sql, params = []) => (await db.query<never>(sql, [...params])).rows },
    close: () => db.close(),
  };
}
