import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '#core/demo/seed.ts';
import { inPageTransaction, applyFeedPage } from '#core/sync/apply.ts';
import { formatHlc } from '#shared/sync/hlc.ts';
import { adminAccount, ownPassword, setUpClinic, START_MS, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

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

  it('asks a caller without a session to sign in', async () => {
    expect(await harness.fail('clinic.get', {}, null)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NO_SESSION', message: 'Please sign in.' });
  });

  it('ends a session twelve hours after sign-in, however active, and not a moment before', async () => {
    for (let minutes = 10; minutes < 12 * 60; minutes += 10) {
      harness.clock.advance(10 * MINUTE);
      expect((await harness.call('clinic.get', {}, admin)).code).toBe('RFC01');
    }
    harness.clock.advance(10 * MINUTE);
    expect((await harness.call('clinic.get', {}, admin)).code).toBe('RFC01');
    harness.clock.advance(1);
    expect(await harness.fail('clinic.get', {}, admin)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED', message: 'Your session has ended; please sign in again.' });
    expect((await harness.fail('clinic.get', {}, admin)).reason).toBe('NO_SESSION');
  });

  it('ends the session of a user removed at another workstation on its next call', async () => {
    const staff = await userWithRole(harness, admin, 'STAFF', 'sam');
    pullUserChange(staff.userId, { deleted_at: new Date(START_MS + 60 * MINUTE).toISOString() });
    expect(await harness.fail('clinic.get', {}, staff.token)).toMatchObject({ reason: 'SESSION_EXPIRED', message: 'This account is no longer active; ask an administrator.' });
  });

  it('keeps a session in use unlocked: each call counts as activity', async () => {
    for (let step = 0; step < 3; step += 1) {
      harness.clock.advance(10 * MINUTE);
      expect((await harness.call('clinic.get', {}, admin)).code).toBe('RFC01');
    }
  });

  it('answers only the calls of the lock screen while the screen is locked', async () => {
    await harness.call('auth.lock', {}, admin);
    expect(await harness.fail('clinic.get', {}, admin)).toMatchObject({ reason: 'SESSION_LOCKED', message: 'The screen is locked; enter your password to continue.' });
    expect((await harness.call('auth.session', {}, admin)).locked).toBe(true);
  });

  it('does not count a call the locked screen also makes (reading the session) as activity', async () => {
    harness.clock.advance(10 * MINUTE);
    expect((await harness.call('auth.session', {}, admin)).locked).toBe(false);
    harness.clock.advance(5 * MINUTE + 1);
    expect(await harness.fail('clinic.get', {}, admin)).toMatchObject({ reason: 'SESSION_LOCKED' });
  });
});

describe('the clinic a call acts in', () => {
  let harness: Harness;
  let admin: string;
  let clinicId: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    const clinic = harness.core.database.sqlite.prepare(`select id from clinics`).get() as { id: string };
    clinicId = clinic.id;
  });
  afterEach(() => harness.close());

  function auditedClinicOf(action: string): (string | null)[] {
    const rows = harness.core.database.sqlite.prepare(`select clinic_id from audit_log where action = ? order by rowid`).all(action) as { clinic_id: string | null }[];
    return rows.map((row) => row.clinic_id);
  }

  it('names the clinic in the audit of a call open to anyone signed in, while the caller holds a role there', async () => {
    await harness.call('auth.changePassword', { currentPassword: adminAccount.password, newPassword: 'a-newer-password-1' }, admin);
    expect(auditedClinicOf('auth.changePassword')).toEqual([clinicId]);
  });

  it('names no clinic for a caller whose roles there were all taken away, and refuses them the clinic’s calls', async () => {
    const staff = await userWithRole(harness, admin, 'STAFF', 'sam');
    await harness.call('users.revokeRole', { userId: staff.userId, clinicId, role: 'STAFF' }, admin);
    await harness.call('auth.changePassword', { currentPassword: ownPassword('sam'), newPassword: 'a-newer-password-1' }, staff.token);
    expect(auditedClinicOf('auth.changePassword').at(-1)).toBeNull();
    expect(await harness.fail('clinic.get', {}, staff.token)).toMatchObject({ code: 'FORBIDDEN', message: 'You no longer have a role in this clinic; ask an administrator.' });
  });

  it('asks someone working in several clinics to choose one first', async () => {
    const demo = await startHarness();
    try {
      await seedDemo(demo.core);
      const signedIn = await demo.call('auth.signIn', { username: 'admin', password: 'demo-admin' });
      expect(signedIn.activeClinic).toBeNull();
      expect(await demo.fail('clinic.get', {}, signedIn.token ?? '')).toMatchObject({ code: 'FORBIDDEN', message: 'Choose a clinic first.' });
    } finally {
      await demo.close();
    }
  });

  it('names the caller’s role, or roles, that do not allow a call', async () => {
    const staff = await userWithRole(harness, admin, 'STAFF', 'sam');
    expect(await harness.fail('users.list', {}, staff.token)).toMatchObject({ code: 'FORBIDDEN', message: 'Your role (Front desk) does not allow this.' });
    await harness.call('users.grantRole', { userId: staff.userId, clinicId, role: 'DOCTOR' }, admin);
    expect(await harness.fail('users.list', {}, staff.token)).toMatchObject({ code: 'FORBIDDEN', message: 'Your roles (Doctor · Front desk) do not allow this.' });
  });
});
