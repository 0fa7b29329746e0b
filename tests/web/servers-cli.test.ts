import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '#core/launcher/electron-runtime.ts';
import { startNpmScript } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

describe('npm run web and npm run hub', () => {
  const temps: { remove: () => void }[] = [];
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.remove();
  });

  it.each([
    ['web', 'web-host'],
    ['hub', 'hub'],
  ])('npm run %s answers GET /health on 127.0.0.1 and stops cleanly on SIGTERM', async (script, service) => {
    const temp = makeTempDir();
    temps.push(temp);
    const started = await startNpmScript(script, ['--port', '0', '--data-dir', temp.path]);
    const response = await fetch(`${started.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', service });
    expect(await started.stop()).toBe(0);
    await expect(fetch(`${started.url}/health`)).rejects.toThrow();
  });

  it('explains a bad argument in one line, without a stack trace', async () => {
    const failure = await startNpmScript('web', ['--port', 'eighty'], {}, 30_000).then(
      () => 'started',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(failure).toContain('exited with 2');
    expect(failure).toContain('--port must be a number from 0 to 65535 (0 picks a free port); got "eighty".');
    expect(failure).not.toMatch(/\n\s+at /);
  });

  it.skipIf(findElectronBinary() !== null)('npm start says plainly that Electron is missing and serves the app through the web host', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const started = await startNpmScript('start', ['--port', '0', '--data-dir', temp.path, '--demo']);
    const lines = started.output().trim().split('\n');
    expect(lines[0]).toBe(
      'The Electron runtime is not installed on this machine (its download was skipped or failed), so Clinic Desk is starting as a web app on this computer instead.',
    );
    expect(started.output()).toContain('Demo clinics created.');
    expect(started.output()).not.toMatch(/\n\s+at /);
    const page = await fetch(started.url);
    expect(await page.text()).toContain('<div id="root"></div>');
    const status = await fetch(`${started.url}/api/call/system.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await status.json()).toMatchObject({ ok: true, result: { needsSetup: false } });
    expect(await started.stop()).toBe(0);
  });
});
