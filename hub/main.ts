import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageVersion } from '#core/platform/package-info.ts';
import { defaultUserDataDir } from '#core/platform/paths.ts';
import { isAddressInUse, stopOnSignals, UsageError } from '#core/platform/server-cli.ts';
import { readAdminFile, writeAdminFile } from './admin-file.ts';
import { HubService, type HubStorage } from './hub-service.ts';
import { FEED_PRUNE_INTERVAL_MS, FEED_RETENTION_MS } from './sync/feed-retention.ts';
import { createHubServer } from './server.ts';

// npm run hub -- [--port N] [--data-dir DIR]            serve (PostgreSQL when DATABASE_URL is set, else PGlite in DIR)
// npm run hub -- enrol-code --clinic-code ABC01 [--organization-of XYZ01] [...]   a one-time code for a new clinic's first workstation
// npm run hub -- revoke --device ID                    stop a device from syncing
// npm run hub -- restored                              after restoring the database from a backup

const DEFAULT_PORT = 5290;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function options(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'clinic-code': { type: 'string' }, 'organization-of': { type: 'string' }, device: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'Unrecognised arguments.');
  }
}

function storageFor(dataDir: string): HubStorage {
  const url = process.env['DATABASE_URL'];
  return url !== undefined && url !== '' ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: join(dataDir, 'pgdata') };
}

async function serve(port: number, dataDir: string): Promise<void> {
  const storage = storageFor(dataDir);
  const hub = await HubService.open(storage);
  const adminToken = randomBytes(24).toString('base64url');
  const app = await createHubServer({ hub, version: packageVersion(), adminToken });
  try {
    await app.listen({ host: '127.0.0.1', port });
  } catch (error) {
    await hub.close();
    if (isAddressInUse(error)) throw new UsageError(`Port ${String(port)} is already in use; choose another with --port.`);
    throw error;
  }
  const address = app.server.address();
  const url = `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : port)}`;
  writeAdminFile(dataDir, url, adminToken);
  // Once at start as well: a hub restarted more often than the interval would otherwise never prune.
  const prune = (): void => {
    hub.pruneFeed().then(
      (count) => {
        if (count > 0) say(`Let go of ${String(count)} feed entries older than ${String(FEED_RETENTION_MS / 86_400_000)} days.`);
      },
      (error: unknown) => {
        process.stderr.write(`Pruning the feed failed and will be tried again: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  };
  prune();
  const pruning = setInterval(prune, FEED_PRUNE_INTERVAL_MS);
  pruning.unref();
  stopOnSignals(async () => {
    clearInterval(pruning);
    await app.close();
    await hub.close();
  });
  say(`Clinic Desk hub is ready at ${url} (${storage.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${storage.dataDir}`})`);
}

/** Asks the running hub; when none runs, opens the database itself (safe only while nothing else has it open). */
async function administer(dataDir: string, path: string, body: Record<string, string>, offline: (hub: HubService) => Promise<unknown>): Promise<unknown> {
  const admin = readAdminFile(dataDir);
  if (admin !== null) {
    try {
      const response = await fetch(`${admin.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-admin-token': admin.token }, body: JSON.stringify(body) });
      const payload = (await response.json()) as { error?: { message: string } };
      if (!response.ok) throw new UsageError(payload.error?.message ?? `The hub answered ${String(response.status)}.`);
      return payload;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      // No hub is running on that address: fall back to the database itself.
    }
  }
  const hub = await HubService.open(storageFor(dataDir));
  try {
    return await offline(hub);
  } finally {
    await hub.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = options(process.argv.slice(2));
  const dataDir = values['data-dir'] ?? join(defaultUserDataDir(), 'hub');
  mkdirSync(dataDir, { recursive: true });
  const command = positionals[0] ?? 'serve';
  if (command === 'serve') {
    const portText = values.port ?? String(DEFAULT_PORT);
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port must be a number from 0 to 65535; got "${portText}".`);
    await serve(Number(portText), dataDir);
    return;
  }
  if (command === 'enrol-code') {
    const clinicCode = (values['clinic-code'] ?? '').trim().toUpperCase();
    if (!/^[A-Z]{3}\d{2}$/.test(clinicCode)) throw new UsageError('Give the new clinic’s code: --clinic-code ABC01.');
    const organizationOf = values['organization-of']?.trim().toUpperCase();
    if (organizationOf !== undefined && !/^[A-Z]{3}\d{2}$/.test(organizationOf)) throw new UsageError('Name a clinic of the organization by its code: --organization-of ABC01.');
    const result = (await administer(dataDir, '/admin/enrolment-codes', { clinicCode, ...(organizationOf === undefined ? {} : { organizationOf }) }, (hub) => hub.createEnrolmentCode({ clinicCode, clinicId: null, organizationOf }))) as { code: string; expiresAt: string };
    const joining = organizationOf === undefined ? 'a new organization' : `the organization of ${organizationOf}`;
    say(`Enrolment code for clinic ${clinicCode}: ${result.code} (valid until ${result.expiresAt}), for ${joining}. Enter it with the hub's address on the clinic's first workstation.`);
    return;
  }
  if (command === 'revoke') {
    const deviceId = values.device ?? '';
    if (deviceId === '') throw new UsageError('Name the device: --device ID.');
    const result = (await administer(dataDir, '/admin/devices/revoke', { deviceId }, async (hub) => ({ revoked: await hub.revoke(deviceId) }))) as { revoked: boolean };
    say(result.revoked ? `Device ${deviceId} can no longer sync.` : `No active device ${deviceId}.`);
    return;
  }
  if (command === 'restored') {
    const result = (await administer(dataDir, '/admin/restored', {}, async (hub) => ({ epoch: await hub.raiseEpoch() }))) as { epoch: number };
    say(`Hub epoch is now ${String(result.epoch)}: workstations will send again whatever the restored database lacks.`);
    return;
  }
  throw new UsageError(`Unknown command "${command}". Commands: serve (default), enrol-code, revoke, restored.`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof UsageError ? error.message : `The hub could not start: ${error instanceof Error ? error.message : String(error)}`}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
