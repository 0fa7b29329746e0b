import type { FastifyInstance } from 'fastify';
import { seedDemo } from '#core/demo/seed.ts';
import { createWebHost } from '#core/web/server.ts';
import { startHarness, type Harness } from './core-harness.ts';

export type DemoWebHost = Harness & { readonly app: FastifyInstance; readonly url: string };

/**
 * A real web host on 127.0.0.1 over a real core and SQLite file holding the demo: the Riverside
 * chain (RFC01, HVC01) and Lakeside (LKS01), two organizations side by side on one workstation.
 */
export async function startDemoWebHost(): Promise<DemoWebHost> {
  const harness = await startHarness();
  await seedDemo(harness.core);
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
