import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { repositoryRoot } from '#core/platform/paths.ts';
import { findElectronBinary } from '#core/launcher/electron-runtime.ts';
import { startNpmScript } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

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

  it('stops the server when the npm process that started it is stopped', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const npm = spawn('npm', ['run', 'web', '--', '--port', '0', '--data-dir', temp.path], { cwd: repositoryRoot, env: { ...process.env, CLINIC_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm run web did not start:\n${output}`)), 120_000);
      npm.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (ready?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(ready[1]);
        }
      });
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);
    npm.kill('SIGTERM');
    const stopped = await waitUntil(async () => fetch(`${url}/health`).then(() => false, () => true), 15_000);
    expect(stopped, 'the server still answers after npm was stopped').toBe(true);
  });

  it.skipIf(findElectronBinary() !== null)('npm start on a taken port says so, takes another, and still creates the demo', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const blocker = createServer();
    const blocked = await new Promise<boolean>((resolve) => {
      blocker.once('error', () => resolve(false));
      blocker.listen(5190, '127.0.0.1', () => resolve(true));
    });
    try {
      const started = await startNpmScript('start', ['--data-dir', temp.path, '--demo']);
      expect(started.output()).toContain('Port 5190 is taken (perhaps Clinic Desk is already running), so this one uses another port.');
      expect(started.output()).toContain('Demo clinics created.');
      expect(started.url).not.toBe('http://127.0.0.1:5190');
      const status = await fetch(`${started.url}/api/call/system.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(await status.json()).toMatchObject({ ok: true, result: { needsSetup: false } });
      expect(await started.stop()).toBe(0);
    } finally {
      if (blocked) await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('prints plain sentences on a first run with the demo: no log records, no builder output', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const started = await startNpmScript('web', ['--port', '0', '--data-dir', temp.path, '--demo'], { CLINIC_LOG_LEVEL: 'info' });
    expect(await started.stop()).toBe(0);
    const lines = started.output().trim().split('\n');
    expect(lines).toEqual(['Demo clinics created. Sign in as admin / demo-admin (or doctor, staff, pharmacist with demo-<role>).', expect.stringMatching(/^Clinic Desk is ready at http:\/\/127\.0\.0\.1:\d+ \(data folder: .+\)$/)]);
  });
});
