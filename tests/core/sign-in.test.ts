import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminAccount, setUpClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';

function auditRows(harness: Harness, action: string): { outcome: string; detail: string | null; attempted_username: string | null }[] {
  return harness.core.database.sqlite
    .prepare(`select outcome, detail, attempted_username from audit_log where action = ? order by id`)
    .all(action) as { outcome: string; detail: string | null; attempted_username: string | null }[];
}

// The policy is stated here as numbers, not read from the product's constants, so a change of
// the policy shows as a failing test rather than a test that follows along.
const FAILURES_THAT_LOCK = 5;
const LOCKOUT_MINUTES = 15;
const LOCKOUT_MS = LOCKOUT_MINUTES * 60_000;

describe('sign-in, lockout and the idle lock', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
    await setUpClinic(harness);
  });
  afterEach(() => harness.close());

  const signIn = (password: string) => harness.core.dispatch({ call: 'auth.signIn', input: { username: adminAccount.username, password }, token: null });

  it('signs in with the right password, case-insensitively by username, and audits it', async () => {
    const signedIn = await harness.call('auth.signIn', { username: 'ADA', password: adminAccount.password });
    expect(signedIn.user.username).toBe('ada');
    expect(signedIn.activeClinic?.code).toBe('RFC01');
    expect(signedIn.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(auditRows(harness, 'auth.signIn').map((row) => row.outcome)).toEqual(['SUCCESS']);
  });

  it('stores only an argon2id hash of the password', () => {
    const hash = harness.core.database.sqlite.prepare(`select password_hash from users where username = 'ada'`).pluck().get() as string;
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).not.toContain(adminAccount.password);
  });

  it('answers a wrong password and an unknown name alike, and audits both', async () => {
    const wrong = await signIn('not the password');
    const unknown = await harness.core.dispatch({ call: 'auth.signIn', input: { username: 'nobody', password: 'whatever1' }, token: null });
    expect(wrong).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Wrong username or password.', reason: 'NO_SESSION' } });
    expect(unknown).toEqual(wrong);
    const rows = auditRows(harness, 'auth.signIn');
    expect(rows.map((row) => row.outcome)).toEqual(['FAILURE', 'FAILURE']);
    expect(rows[1]?.attempted_username).toBe('nobody');
  });

  it('locks the account after 5 failures and unlocks it after 15 minutes', async () => {
    for (let attempt = 1; attempt < FAILURES_THAT_LOCK; attempt += 1) {
      const outcome = await signIn(`wrong ${attempt}`);
      expect(outcome.ok ? '' : outcome.error.message).toBe('Wrong username or password.');
      harness.clock.advance(1000);
    }
    const fifth = await signIn('wrong 5');
    expect(fifth.ok ? '' : fifth.error.message).toMatch(/locked after too many failed sign-ins. Try again in 15 minutes/);

    const whileLocked = await signIn(adminAccount.password);
    expect(whileLocked.ok).toBe(false);
    expect(whileLocked.ok ? '' : whileLocked.error.message).toMatch(/locked/);

    harness.clock.advance(LOCKOUT_MS - 60_000);
    const almost = await signIn(adminAccount.password);
    expect(almost.ok ? '' : almost.error.message).toMatch(/Try again in 1 minute,/);

    harness.clock.advance(60_001);
    const after = await signIn(adminAccount.password);
    expect(after.ok).toBe(true);

    expect(auditRows(harness, 'auth.lockout')).toHaveLength(1);
    const outcomes = auditRows(harness, 'auth.signIn').map((row) => row.outcome);
    expect(outcomes).toEqual([...Array<string>(FAILURES_THAT_LOCK + 2).fill('FAILURE'), 'SUCCESS']);
  });

  it('forgets failures spread further apart than the window', async () => {
    for (let attempt = 0; attempt < FAILURES_THAT_LOCK - 1; attempt += 1) await signIn('wrong');
    harness.clock.advance(LOCKOUT_MS + 1);
    for (let attempt = 0; attempt < FAILURES_THAT_LOCK - 1; attempt += 1) await signIn('wrong');
    expect((await signIn(adminAccount.password)).ok).toBe(true);
  });

  it('refuses a deactivated account only once the password is right', async () => {
    const admin = await harness.call('auth.signIn', { username: 'ada', password: adminAccount.password });
    await harness.call('users.create', { fullName: 'Leaver', username: 'leaver', email: '', phone: '', password: 'leaver-pass', role: 'STAFF' }, admin.token);
    const { users } = await harness.call('users.list', {}, admin.token);
    const leaver = users.find((user) => user.username === 'leaver');
    await harness.call('users.setActive', { userId: leaver?.id ?? '', active: false }, admin.token);
    const wrong = await harness.fail('auth.signIn', { username: 'leaver', password: 'nope-nope' });
    expect(wrong.message).toBe('Wrong username or password.');
    const right = await harness.fail('auth.signIn', { username: 'leaver', password: 'leaver-pass' });
    expect(right.message).toMatch(/deactivated/);
  });

  it('locks an idle session, keeps it, and unlocks it with the password', async () => {
    const { token } = await harness.call('auth.signIn', { username: 'ada', password: adminAccount.password });
    harness.clock.advance(14 * 60_000);
    expect((await harness.call('clinic.get', {}, token)).code).toBe('RFC01');
    harness.clock.advance(15 * 60_000 + 1);
    const locked = await harness.fail('clinic.get', {}, token);
    expect(locked).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_LOCKED' });
    expect((await harness.call('auth.session', {}, token)).locked).toBe(true);

    const wrong = await harness.fail('auth.unlock', { password: 'not it at all' }, token);
    expect(wrong.code).toBe('UNAUTHENTICATED');
    const unlocked = await harness.call('auth.unlock', { password: adminAccount.password }, token);
    expect(unlocked.locked).toBe(false);
    expect((await harness.call('clinic.get', {}, token)).code).toBe('RFC01');
    expect(auditRows(harness, 'auth.unlock').map((row) => row.outcome)).toEqual(['FAILURE', 'SUCCESS']);
  });

  it('follows the clinic’s idle setting, and the screen’s activity reports keep the session open', async () => {
    const { token } = await harness.call('auth.signIn', { username: 'ada', password: adminAccount.password });
    const clinic = await harness.call('clinic.get', {}, token);
    const { id: _id, code: _code, createdAt: _created, updatedAt: _updated, ...details } = clinic;
    await harness.call('clinic.update', { ...details, idleLockMinutes: 5 }, token);
    for (let minute = 0; minute < 10; minute += 1) {
      harness.clock.advance(60_000);
      expect((await harness.call('auth.touch', {}, token)).locked).toBe(false);
    }
    harness.clock.advance(5 * 60_000 + 1);
    expect((await harness.fail('auth.touch', {}, token)).reason).toBe('SESSION_LOCKED');
  });

  it('ends the session of someone who fails to unlock five times', async () => {
    const { token } = await harness.call('auth.signIn', { username: 'ada', password: adminAccount.password });
    await harness.call('auth.lock', {}, token);
    for (let attempt = 0; attempt < FAILURES_THAT_LOCK - 1; attempt += 1) await harness.fail('auth.unlock', { password: 'guess guess' }, token);
    const last = await harness.fail('auth.unlock', { password: 'guess guess' }, token);
    expect(last).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
    expect((await harness.fail('auth.session', {}, token)).reason).toBe('NO_SESSION');
  });

  it('signs out, and the token stops working', async () => {
    const { token } = await harness.call('auth.signIn', { username: 'ada', password: adminAccount.password });
    expect(await harness.call('auth.signOut', {}, token)).toEqual({ signedOut: true });
    expect((await harness.fail('clinic.get', {}, token)).reason).toBe('NO_SESSION');
    expect(auditRows(harness, 'auth.signOut')).toHaveLength(1);
  });

  it('expires a session after twelve hours even when in use', async () => {
    const { token } = await harness.call('auth.signIn', { username: 'ada', password: adminAccount.password });
    for (let hour = 0; hour < 12; hour += 1) {
      harness.clock.advance(10 * 60_000);
      await harness.call('auth.touch', {}, token);
      harness.clock.advance(50 * 60_000);
      await harness.call('auth.unlock', { password: adminAccount.password }, token);
    }
    harness.clock.advance(60_000);
    expect((await harness.fail('auth.touch', {}, token)).reason).toBe('SESSION_EXPIRED');
  });
});
