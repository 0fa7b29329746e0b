import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inPageTransaction, applyFeedPage } from '#core/sync/apply.ts';
import { formatHlc } from '#shared/sync/hlc.ts';
import { setUpClinic, START_MS, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

// Survivors of mutation testing (tests/mutation) in access.ts: an account deactivated at another
// workstation reaches this one as a pulled change, with no call here to end its sessions, and the
// idle lock's boundary, stated in minutes as the clinic's setting says (15 by default).
const MINUTE = 60_000;

describe('sessions checked on every call', () => {
  let harness: Harness;
  let admin: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
  });
  afterEach(() => harness.close());

  /** A change to a user's row from the hub's feed, made at another workstation an hour after the harness's start. */
  function pullUserChange(userId: string, columns: Record<string, string | number | null>): void {
    const { sqlite } = harness.core.database;
    const hlc = formatHlc({ wallMs: START_MS + 60 * MINUTE, counter: 0, node: 'otherdesk' });
    inPageTransaction(sqlite, new Date(START_MS).toISOString(), (mode) => {
      applyFeedPage(sqlite, [{ table: 'users', id: userId, kind: 'update', columns, hlc, clock: null, origin: 'another-workstation' }], harness.core.identity.deviceId, mode);
    });
  }

  it('ends the session of a user deactivated at another workstation on its next call', async () => {
    const staff = await userWithRole(harness, admin, 'STAFF', 'sam');
    expect((await harness.call('clinic.get', {}, staff.token)).code).toBe('RFC01');
    pullUserChange(staff.userId, { active: 0 });
    expect(await harness.fail('clinic.get', {}, staff.token)).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_EXPIRED',
      message: 'This account is no longer active; ask an administrator.',
    });
    expect((await harness.fail('clinic.get', {}, staff.token)).reason).toBe('NO_SESSION');
  });

  it('locks a session idle for more than 15 minutes, not one idle for exactly 15', async () => {
    harness.clock.advance(15 * MINUTE);
    expect((await harness.call('clinic.get', {}, admin)).code).toBe('RFC01');
    harness.clock.advance(15 * MINUTE + 1);
    expect(await harness.fail('clinic.get', {}, admin)).toMatchObject({ reason: 'SESSION_LOCKED' });
  });

  it('does not count a call the locked screen also makes (reading the session) as activity', async () => {
    harness.clock.advance(10 * MINUTE);
    expect((await harness.call('auth.session', {}, admin)).locked).toBe(false);
    harness.clock.advance(5 * MINUTE + 1);
    expect(await harness.fail('clinic.get', {}, admin)).toMatchObject({ reason: 'SESSION_LOCKED' });
  });
});
