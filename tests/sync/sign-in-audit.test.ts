import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminAccount, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import { call } from '#tests/support/sync-calls.ts';
import { openWorkstation, type Workstation } from '#tests/support/sync-world.ts';

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

// Background sync sends a change up as soon as it is made, not at the next poll (half a minute
// later): the audit rows of signing in and out too, which no clinic's screen is told about.
describe('the audit of signing in, with background sync running', () => {
  let harness: HubHarness;
  let desk: Workstation;

  beforeEach(async () => {
    harness = await startHub();
    desk = await openWorkstation('one', () => harness.hub, { startMs: START_MS });
    const token = (await call(desk, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount })).token ?? '';
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: sampleClinic.code, clinicId: null });
    await call(desk, 'sync.connect', { hubUrl: 'http://hub.test', code }, token);
    await call(desk, 'auth.signOut', {}, token);
    await desk.core.sync.syncNow();
    desk.core.sync.start();
    // The background sync's first round, which start() asks for, is over: from here on only a change asks for another.
    expect(await until(async () => (await desk.core.sync.syncNow()).pendingChanges === 0, 5_000)).toBe(true);
  });

  afterEach(async () => {
    await desk.close();
    await harness.close();
  });

  const atHub = async (action: string, outcome: string): Promise<boolean> =>
    (await harness.hub.db.query(`select 1 from audit_log where action = $1 and outcome = $2`, [action, outcome])).length > 0;

  it('goes up at once, whether the sign-in succeeded or not, and so does signing out', async () => {
    const refused = await desk.core.dispatch({ call: 'auth.signIn', input: { username: adminAccount.username, password: 'not the password' }, token: null });
    expect(refused.ok).toBe(false);
    expect(await until(() => atHub('auth.signIn', 'FAILURE'), 3_000), 'the failed sign-in is at the hub').toBe(true);
    const token = (await call(desk, 'auth.signIn', { username: adminAccount.username, password: adminAccount.password })).token ?? '';
    expect(await until(() => atHub('auth.signIn', 'SUCCESS'), 3_000), 'the sign-in is at the hub').toBe(true);
    await call(desk, 'auth.signOut', {}, token);
    expect(await until(() => atHub('auth.signOut', 'SUCCESS'), 3_000), 'the sign-out is at the hub').toBe(true);
  });
});
