import { HubService } from '#hub/hub-service.ts';
import { makeTempDir } from './temp-dir.ts';

export type HubHarness = { readonly hub: HubService; readonly dataDir: string; readonly close: () => Promise<void> };

/**
 * A hub on PGlite in its own folder, or on the PostgreSQL of DATABASE_URL in a fresh schema when
 * asked for, so tests can run against both (SYNC.md §11).
 */
export async function startHub(options: { now?: () => number; dataDir?: string } = {}): Promise<HubHarness> {
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
