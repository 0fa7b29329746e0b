import type { FastifyInstance } from 'fastify';
import { seedDemo } from '#core/demo/seed.ts';
import { startHarness, type Harness } from './core-harness.ts';
import { serveOverHttp } from './web-harness.ts';

export type DemoWebHost = Harness & { readonly app: FastifyInstance; readonly url: string };

/**
 * A real web host on 127.0.0.1 over a real core and SQLite file holding the demo: the Riverside
 * chain (RFC01, HVC01) and Lakeside (LKS01), two organizations side by side on one workstation.
 */
export async function startDemoWebHost(): Promise<DemoWebHost> {
  const harness = await startHarness();
  await seedDemo(harness.core);
  return serveOverHttp(harness);
}
