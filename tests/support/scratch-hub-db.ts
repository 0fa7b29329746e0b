import { openPglite, openPostgres, type HubDb } from '#hub/db/hub-db.ts';
import { createScratchDatabase } from './postgres.ts';
import { makeTempDir } from './temp-dir.ts';

/** A hub database of its own for a test, bare (no migrations), and how to close and remove it. */
export type ScratchHubDb = { readonly db: HubDb; readonly close: () => Promise<void> };

/** PGlite in a temporary folder, or a scratch database on the PostgreSQL server the tests reach. */
export async function openScratchHubDb(kind: 'pglite' | 'postgres', name: string): Promise<ScratchHubDb> {
  if (kind === 'pglite') {
    const temp = makeTempDir(`${name.replaceAll('_', '-')}-`);
    const db = await openPglite(temp.path);
    return {
      db,
      close: async () => {
        await db.close();
        temp.remove();
      },
    };
  }
  const scratch = await createScratchDatabase(name);
  const db = await openPostgres(scratch.url);
  return {
    db,
    close: async () => {
      await db.close();
      await scratch.drop();
    },
  };
}
