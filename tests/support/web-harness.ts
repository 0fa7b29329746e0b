import type { FastifyInstance } from 'fastify';
import { createWebHost } from '#core/web/server.ts';
import { setUpClinic, startHarness, type Harness } from './core-harness.ts';

export type WebHarness = Harness & { readonly app: FastifyInstance; readonly url: string; readonly adminToken: string };

/** A real web host on 127.0.0.1 over a harness's core; closing it closes the harness too. */
export async function serveOverHttp(harness: Harness): Promise<Harness & { readonly app: FastifyInstance; readonly url: string }> {
  const app = await createWebHost({ core: harness.core, rendererDir: null, appVersion: '0.0.0-test' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    ...harness,
    app,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await harness.close();
    },
  };
}

/** A real web host on 127.0.0.1 over a real core and SQLite file, with the sample clinic set up. */
export async function startWebHarness(): Promise<WebHarness> {
  const harness = await startHarness();
  const adminToken = await setUpClinic(harness);
  return { ...(await serveOverHttp(harness)), adminToken };
}
