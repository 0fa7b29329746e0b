import type { FastifyInstance } from 'fastify';
import type { Core } from '../core.ts';
import { createCore } from '../core.ts';
import { seedDemo } from '../demo/seed.ts';
import { isAddressInUse } from '../platform/server-cli.ts';
import { createWebHost } from './server.ts';

export type RunningWebHost = { readonly url: string; readonly stop: () => Promise<void>; readonly core: Core; readonly app: FastifyInstance };

export type WebHostStart = {
  readonly dataDir: string;
  readonly port: number;
  readonly demo: boolean;
  readonly rendererDir: string | null;
  readonly appVersion: string;
  /** Plain sentences for the person who started it. */
  readonly say: (line: string) => void;
};

/** Opens the core on a data folder and serves it on 127.0.0.1; shared by `npm run web` and `npm start`. */
export async function runWebHost(start: WebHostStart): Promise<RunningWebHost> {
  const core = await createCore({ dataDir: start.dataDir, appVersion: start.appVersion });
  try {
    // The port first: a demo seeded into a folder whose host then cannot start would be news
    // the person never hears.
    const app = await createWebHost({ core, rendererDir: start.rendererDir, appVersion: start.appVersion });
    try {
      await app.listen({ host: '127.0.0.1', port: start.port });
    } catch (error) {
      await app.close();
      if (isAddressInUse(error)) throw new Error(`Port ${start.port} is already in use; choose another with --port.`, { cause: error });
      throw error;
    }
    if (start.demo) {
      const outcome = await seedDemo(core).catch(async (error: unknown) => {
        await app.close();
        throw error;
      });
      start.say(
        outcome === 'created'
          ? 'Demo clinics created. Sign in as admin / demo-admin (or doctor, staff, pharmacist with demo-<role>).'
          : 'This data folder already has a clinic, so no demo data was added.',
      );
    }
    core.startBackground();
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : start.port;
    return {
      url: `http://127.0.0.1:${port}`,
      core,
      app,
      stop: async () => {
        await app.close();
        await core.close();
      },
    };
  } catch (error) {
    await core.close();
    throw error;
  }
}
