import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerEvent } from '#shared/api/events.ts';
import { ownPassword, patientInput, setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

// Which sessions end when (electron/auth/sessions.ts): a deactivated person's every session and
// nobody else's, and on a password change every other session of the person but the one in use.

describe('ending sessions', () => {
  let harness: Harness;
  let admin: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
  });
  afterEach(() => harness.close());

  async function signIn(username: string): Promise<string> {
    const signedIn = await harness.call('auth.signIn', { username, password: ownPassword(username) });
    if (signedIn.token === undefined) throw new Error('no token');
    return signedIn.token;
  }

  it('ends every session of a deactivated person, tells their screens, and leaves everyone else signed in', async () => {
    const sam = await userWithRole(harness, admin, 'STAFF', 'sam');
    const pat = await userWithRole(harness, admin, 'STAFF', 'pat');
    const samElsewhere = await signIn('sam');
    const told: ServerEvent[] = [];
    const unsubscribe = harness.core.subscribe(samElsewhere, (event) => told.push(event));
    await harness.call('users.setActive', { userId: sam.userId, active: false }, admin);
    unsubscribe();
    expect(told.filter((event) => event.type === 'session.ended')).toHaveLength(1);
    for (const token of [sam.token, samElsewhere]) expect((await harness.fail('clinic.get', {}, token)).reason).toBe('NO_SESSION');
    for (const token of [pat.token, admin]) expect((await harness.call('clinic.get', {}, token)).code).toBe('RFC01');
  });

  it('ends the person’s other sessions on a password change, not the one that changed it', async () => {
    const sam = await userWithRole(harness, admin, 'STAFF', 'sam');
    const samElsewhere = await signIn('sam');
    await harness.call('auth.changePassword', { currentPassword: ownPassword('sam'), newPassword: 'a-newer-password-1' }, sam.token);
    expect((await harness.call('clinic.get', {}, sam.token)).code).toBe('RFC01');
    expect((await harness.fail('clinic.get', {}, samElsewhere)).reason).toBe('NO_SESSION');
    expect((await harness.call('clinic.get', {}, admin)).code).toBe('RFC01');
  });

  it('tells a session’s screen of changes in its open clinic', async () => {
    const sam = await userWithRole(harness, admin, 'STAFF', 'sam');
    const told: ServerEvent[] = [];
    const unsubscribe = harness.core.subscribe(sam.token, (event) => told.push(event));
    await harness.call('patients.register', { ...patientInput(), notADuplicate: false }, admin);
    unsubscribe();
    expect(told.filter((event) => event.type === 'data.changed' && event.call === 'patients.register')).toHaveLength(1);
  });

  it('announces no ended session when a person with none left is deactivated', async () => {
    const sam = await userWithRole(harness, admin, 'STAFF', 'sam');
    const told: ServerEvent[] = [];
    const unsubscribe = harness.core.subscribe(sam.token, (event) => told.push(event));
    await harness.call('auth.signOut', {}, sam.token);
    await harness.call('users.setActive', { userId: sam.userId, active: false }, admin);
    unsubscribe();
    expect(told.filter((event) => event.type === 'session.ended')).toEqual([]);
  });
});
