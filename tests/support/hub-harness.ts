import { HubService } from '#hub/hub-service.ts';
import { createScratchDatabase } from './postgres.ts';
import { makeTempDir } from './temp-dir.ts';

export type HubKind = 'pglite' | 'postgres';

export type HubHarness = { readonly hub: HubService; readonly dataDir: string; readonly close: () => Promise<void> };

/**
 * A hub on PGlite in its own folder, or on the PostgreSQL of DATABASE_URL in a database of its
 * own, so the same tests run against both (SYNC.md §11).
 */
export async function startHub(options: { now?: () => number; dataDir?: string; kind?: HubKind } = {}): Promise<HubHarness> {
  if (options.kind === 'postgres') {
    const database = await createScratchDatabase('clinic_hub_test');
    const hub = await HubService.open({ kind: 'postgres', url: database.url }, options.now);
    return {
      hub,
      dataDir: '',
      close: async () => {
        await hub.close();
        await database.drop();
      },
    };
  }
  const temp = options.dataDir === undefined ? makeTempDir('clinic-hub-') : null;
  const dataDir = options.dataDir ?? temp?.path ?? '';
  const hub = await HubService.open({ kind: 'pglite', dataDir }, options.now);
  return {
    hub,
    dataDir,
    close: async () => {
      await hub.close();
      temp?.remove();
    },
  };
}
