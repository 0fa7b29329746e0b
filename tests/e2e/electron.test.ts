import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '#core/launcher/electron-runtime.ts';
import { repositoryRoot } from '#core/platform/paths.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { SetupPage } from './pages/SetupPage.ts';

const binary = findElectronBinary();
const SKIP_REASON =
  'the Electron runtime is not installed here (npm installed electron with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or its download failed), so the desktop shell cannot be launched';

describe('desktop shell, end to end with Playwright’s Electron support', () => {
  it('opens the window over the core, with the bridge and no Node in the page', async (context) => {
    if (binary === null) {
      context.skip(SKIP_REASON);
      return;
    }
    const dataDir = makeTempDir('clinic-electron-');
    const app = await electron.launch({ executablePath: binary, args: [repositoryRoot, `--user-data-dir=${dataDir.path}`] });
    try {
      const window = await app.firstWindow();
      expect(window.url()).toBe('app://clinic/index.html');
      await new SetupPage(window).waitUntilShown();
      const exposed = await window.evaluate(() => ({
        bridge: Object.keys((window as unknown as { clinicBridge?: object }).clinicBridge ?? {}).sort(),
        node: typeof (window as unknown as { require?: unknown }).require,
      }));
      expect(exposed).toEqual({ bridge: ['invoke', 'onEvent'], node: 'undefined' });
      const status = await window.evaluate(() => (window as unknown as { clinicBridge: { invoke: (c: string, i: unknown) => Promise<unknown> } }).clinicBridge.invoke('system.status', {}));
      expect(status).toMatchObject({ ok: true, result: { needsSetup: true } });
    } finally {
      await app.close();
      dataDir.remove();
    }
  });
});
