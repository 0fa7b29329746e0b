import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '#core/core.ts';
import { writeSetting } from '#core/sync/settings.ts';
import { runWebHost, type RunningWebHost } from '#core/web/run-web-host.ts';
import { freePort } from '#tests/support/free-port.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// The web host (like the desktop main) starts background sync once the core is open, but only
// on a workstation that has a hub to talk to.
describe('background sync in the web host', () => {
  const dirs: { remove: () => void }[] = [];
  let host: RunningWebHost | null = null;
  const start = async (dataDir: string): Promise<RunningWebHost> => {
    host = await runWebHost({ dataDir, port: 0, demo: false, rendererDir: null, appVersion: 'test', say: () => undefined });
    return host;
  };
  afterEach(async () => {
    await host?.stop();
    host = null;
    for (const dir of dirs.splice(0)) dir.remove();
  });

  it('leaves a standalone workstation alone', async () => {
    const dir = makeTempDir('clinic-bg-standalone-');
    dirs.push(dir);
    const running = await start(dir.path);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(running.core.sync.status()).toMatchObject({ state: 'standalone', lastError: null, lastSyncAt: null });
  });

  it('starts syncing a linked workstation on its own, and says so when the hub is away', async () => {
    const dir = makeTempDir('clinic-bg-linked-');
    dirs.push(dir);
    const unreachable = `http://127.0.0.1:${String(await freePort())}`;
    const core = await createCore({ dataDir: dir.path, appVersion: 'test' });
    writeSetting(core.database.db, 'hub_url', unreachable);
    writeSetting(core.database.db, 'hub_credential', 'test-credential');
    writeSetting(core.database.db, 'hub_clinic_id', '00000000-0000-7000-8000-000000000000');
    await core.close();

    const running = await start(dir.path);
    await until(() => running.core.sync.status().state === 'offline');
    const status = running.core.sync.status();
    expect(status.hubUrl).toBe(unreachable);
    expect(status.lastError).toContain('cannot be reached');
  });
});
