import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import { createCore, type Core } from '#core/core.ts';
import { HubService } from '#hub/hub-service.ts';
import { adminAccount, patientInput, sampleClinic } from '#tests/support/core-harness.ts';
import { createScratchDatabase, noPostgresReason, postgresUrl, type ScratchDatabase } from '#tests/support/postgres.ts';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

type TempDir = ReturnType<typeof makeTempDir>;

if (postgresUrl === null) console.info(`two hub processes on one PostgreSQL skipped: ${noPostgresReason}`);

async function call<N extends CallName>(core: Core, name: N, input: CallInput<N>, token: string | null = null): Promise<CallResult<N>> {
  const outcome = await core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as CallResult<N>;
}

async function eventually<T>(what: string, read: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${String(timeoutMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// The hub keeps nothing but its database, so two processes behind a load balancer serve one
// clinic together: each workstation talks to a different one, and a change pushed through one
// reaches the other's workstation, live, through PostgreSQL's notifications.
describe.skipIf(postgresUrl === null)('two hub processes on one PostgreSQL', () => {
  let database: ScratchDatabase;
  const hubs: StartedProcess[] = [];
  const folders: TempDir[] = [];
  const cores: Core[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase('clinic_two_hubs');
    for (const name of ['a', 'b']) {
      const folder = makeTempDir(`clinic-hub-${name}-`);
      folders.push(folder);
      hubs.push(await startNpmScript('hub', ['serve', '--port', '0', '--data-dir', folder.path], { DATABASE_URL: database.url }));
    }
  }, 180_000);

  afterAll(async () => {
    for (const core of cores) await core.close();
    for (const hub of hubs) await hub.stop();
    await database.drop();
    for (const folder of folders) folder.remove();
  });

  async function workstation(name: string): Promise<Core> {
    const folder = makeTempDir(`clinic-ws-${name}-`);
    folders.push(folder);
    const core = await createCore({ dataDir: folder.path, appVersion: 'test', deviceName: `desk-${name}` });
    cores.push(core);
    return core;
  }

  it('lets a workstation on each process share one clinic, live', async () => {
    const [hubA, hubB] = hubs;
    if (hubA === undefined || hubB === undefined) throw new Error('hubs did not start');
    const first = await workstation('one');
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    const admin = setup.token ?? '';
    const operator = await HubService.open({ kind: 'postgres', url: database.url });
    const { code } = await operator.createEnrolmentCode({ clinicCode: sampleClinic.code, clinicId: null });
    await operator.close();
    await call(first, 'sync.connect', { hubUrl: hubA.url, code }, admin);
    await first.sync.syncNow();

    const joinCode = await call(first, 'sync.createJoinCode', {}, admin);
    const second = await workstation('two');
    await call(second, 'sync.join', { hubUrl: hubB.url, code: joinCode.code });
    await eventually('the second workstation’s first sync', () => (second.sync.status().state === 'online' && second.sync.status().bootstrap === null ? true : undefined), 30_000);
    await eventually('the live connection to hub b', () => (second.sync.status().live ? true : undefined), 10_000);

    const registered = await call(first, 'patients.register', { ...patientInput({ givenName: 'Ines', familyName: 'Duarte' }), notADuplicate: true }, admin);
    await first.sync.syncNow();
    const seen = await eventually('the patient on the second workstation', () => second.database.sqlite.prepare('select given_name from patients where id = ?').pluck().get(registered.id) as string | undefined, 5_000);
    expect(seen).toBe('Ines');

    const signIn = await second.dispatch({ call: 'auth.signIn', input: { username: adminAccount.username, password: adminAccount.password }, token: null });
    expect(signIn.ok, 'staff sign in on the joined workstation').toBe(true);
  }, 120_000);
});
