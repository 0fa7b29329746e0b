import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '#shared/api/errors.ts';
import type { Role } from '#shared/domain/roles.ts';
import { seedDemo } from '#core/demo/seed.ts';
import { ownPassword, startHarness, type Harness } from '#tests/support/core-harness.ts';

// Who may change a user account (issue 31, finding 1): the user themselves, or an administrator
// of the account's organization who administers every clinic where it holds a role. A clinic's
// administrator otherwise manages only the roles in their own clinics, and an account of another
// organization answers like one that does not exist.

const UNKNOWN_USER = '0190f5a0-0000-7000-8000-000000000001';

type Demo = {
  readonly harness: Harness;
  /** Clinic ids by code. */
  readonly clinic: (code: 'RFC01' | 'HVC01' | 'LKS01') => string;
  /** User ids by username. */
  readonly user: (username: string) => string;
  /** Signs in, chooses the clinic, and returns the token. */
  readonly signIn: (username: string, password: string, code: 'RFC01' | 'HVC01' | 'LKS01') => Promise<string>;
};

async function demo(harness: Harness): Promise<Demo> {
  await seedDemo(harness.core);
  const sqlite = harness.core.database.sqlite;
  const clinic = (code: string): string => sqlite.prepare('select id from clinics where code = ?').pluck().get(code) as string;
  const user = (username: string): string => sqlite.prepare('select id from users where username = ?').pluck().get(username) as string;
  const signIn = async (username: string, password: string, code: 'RFC01' | 'HVC01' | 'LKS01'): Promise<string> => {
    const token = (await harness.call('auth.signIn', { username, password })).token ?? '';
    await harness.call('auth.selectClinic', { clinicId: clinic(code) }, token);
    return token;
  };
  return { harness, clinic, user, signIn };
}

/** A new account with one role in the clinic the token acts in, past its first password change. */
async function newAccount(world: Demo, adminToken: string, username: string, role: Role): Promise<string> {
  const password = `${username}-temporary`;
  const created = await world.harness.call('users.create', { fullName: `Test ${username}`, username, email: '', phone: '', password, role }, adminToken);
  const token = (await world.harness.call('auth.signIn', { username, password })).token ?? '';
  await world.harness.call('auth.changePassword', { currentPassword: password, newPassword: ownPassword(username) }, token);
  return created.id;
}

describe('who may change an account', () => {
  let harness: Harness;
  let world: Demo;
  /** The chain's administrator, acting in Riverside. */
  let chainAdmin: string;
  /** An administrator of Riverside only, with no role in Hillview. */
  let riversideAdmin: string;

  beforeEach(async () => {
    harness = await startHarness();
    world = await demo(harness);
    chainAdmin = await world.signIn('admin', 'demo-admin', 'RFC01');
    await newAccount(world, chainAdmin, 'rfcadmin', 'ADMIN');
    riversideAdmin = await world.signIn('rfcadmin', ownPassword('rfcadmin'), 'RFC01');
  });
  afterEach(() => harness.close());

  const refused = (error: ApiErrorBody): void => {
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('Only an administrator of every clinic where this person has a role can change their account.');
  };

  it('refuses a clinic administrator the account of someone who also works in a clinic they do not administer', async () => {
    const chainAdminId = world.user('admin');
    refused(await harness.fail('users.resetPassword', { userId: chainAdminId, newPassword: 'taken-over-1' }, riversideAdmin));
    await harness.fail('auth.signIn', { username: 'admin', password: 'taken-over-1' });
    expect((await harness.call('auth.signIn', { username: 'admin', password: 'demo-admin' })).memberships).toHaveLength(2);

    refused(await harness.fail('users.update', { userId: chainAdminId, fullName: 'Someone Else', email: '', phone: '' }, riversideAdmin));
    refused(await harness.fail('users.setActive', { userId: world.user('doctor'), active: false }, riversideAdmin));
    const names = harness.core.database.sqlite.prepare(`select username, full_name, active from users where username in ('admin', 'doctor') order by username`).all();
    expect(names).toEqual([
      { username: 'admin', full_name: 'Amara Okafor', active: 1 },
      { username: 'doctor', full_name: 'Dr. Rahul Mehta', active: 1 },
    ]);
  });

  it('lets that administrator manage only the role in their own clinic', async () => {
    const doctorId = world.user('doctor');
    await harness.call('users.grantRole', { userId: doctorId, clinicId: world.clinic('RFC01'), role: 'STAFF' }, riversideAdmin);
    const changed = await harness.call('users.revokeRole', { userId: doctorId, clinicId: world.clinic('RFC01'), role: 'DOCTOR' }, riversideAdmin);
    expect(changed.memberships).toEqual([expect.objectContaining({ clinicCode: 'RFC01', roles: ['STAFF'] })]);
    expect(changed.canManageAccount).toBe(false);
    const elsewhere = await harness.fail('users.revokeRole', { userId: doctorId, clinicId: world.clinic('HVC01'), role: 'DOCTOR' }, riversideAdmin);
    expect(elsewhere).toMatchObject({ code: 'FORBIDDEN', message: 'You can give and take roles only in clinics you administer.' });
  });

  it('lets an administrator of every clinic where the person works change the account', async () => {
    await harness.call('users.update', { userId: world.user('doctor'), fullName: 'Dr. R. Mehta', email: '', phone: '' }, chainAdmin);
    const staffOnlyHere = world.user('staff');
    await harness.call('users.resetPassword', { userId: staffOnlyHere, newPassword: 'fresh-temporary' }, riversideAdmin);
    expect((await harness.call('auth.signIn', { username: 'staff', password: 'fresh-temporary' })).user.mustChangePassword).toBe(true);
    const listed = (await harness.call('users.list', {}, riversideAdmin)).users;
    const manageable = Object.fromEntries(listed.map((user) => [user.username, user.canManageAccount]));
    expect(manageable).toEqual({ admin: false, doctor: false, pharmacist: true, rfcadmin: true, staff: true });
  });

  it('gives an account with no role to any administrator of its organization', async () => {
    const pharmacistId = world.user('pharmacist');
    await harness.call('users.revokeRole', { userId: pharmacistId, clinicId: world.clinic('RFC01'), role: 'PHARMACIST' }, chainAdmin);
    const hillviewAdmin = await world.signIn('admin', 'demo-admin', 'HVC01');
    await newAccount(world, hillviewAdmin, 'hvcadmin', 'ADMIN');
    const onlyHillview = await world.signIn('hvcadmin', ownPassword('hvcadmin'), 'HVC01');
    const listed = (await harness.call('users.list', {}, onlyHillview)).users.find((user) => user.id === pharmacistId);
    expect(listed).toMatchObject({ memberships: [], canManageAccount: true });
    await harness.call('users.setActive', { userId: pharmacistId, active: false }, onlyHillview);
    await harness.call('users.grantRole', { userId: pharmacistId, clinicId: world.clinic('HVC01'), role: 'PHARMACIST' }, onlyHillview);
  });

  it('holds for an administrator resetting their own password without knowing it', async () => {
    // The chain's administrator with only a doctor's role in Hillview: their own account is not theirs to reset here.
    const rfcadminId = world.user('rfcadmin');
    const hillviewAdmin = await world.signIn('admin', 'demo-admin', 'HVC01');
    await harness.call('users.grantRole', { userId: rfcadminId, clinicId: world.clinic('HVC01'), role: 'DOCTOR' }, hillviewAdmin);
    refused(await harness.fail('users.resetPassword', { userId: rfcadminId, newPassword: 'no-current-needed' }, riversideAdmin));
  });
});

describe('accounts of another organization', () => {
  let harness: Harness;
  let world: Demo;
  let lakeside: string;

  beforeEach(async () => {
    harness = await startHarness();
    world = await demo(harness);
    lakeside = await world.signIn('lakeside', 'demo-lakeside', 'LKS01');
  });
  afterEach(() => harness.close());

  it('are never listed, even without any role', async () => {
    const chainAdmin = await world.signIn('admin', 'demo-admin', 'RFC01');
    await harness.call('users.revokeRole', { userId: world.user('pharmacist'), clinicId: world.clinic('RFC01'), role: 'PHARMACIST' }, chainAdmin);
    const listed = (await harness.call('users.list', {}, lakeside)).users.map((user) => user.username);
    expect(listed).toEqual(['lakeside']);
    const riverside = (await harness.call('users.list', {}, chainAdmin)).users.map((user) => user.username);
    expect(riverside).not.toContain('lakeside');
  });

  it('answer every change like an account that does not exist', async () => {
    const chainAdmin = await world.signIn('admin', 'demo-admin', 'RFC01');
    await harness.call('users.revokeRole', { userId: world.user('pharmacist'), clinicId: world.clinic('RFC01'), role: 'PHARMACIST' }, chainAdmin);
    const before = harness.core.database.sqlite.prepare('select * from users order by id').all();
    const memberships = harness.core.database.sqlite.prepare('select * from memberships order by id').all();
    const attempts = (userId: string): [string, unknown][] => [
      ['users.resetPassword', { userId, newPassword: 'taken-over-1' }],
      ['users.update', { userId, fullName: 'Renamed', email: '', phone: '' }],
      ['users.setActive', { userId, active: false }],
      ['users.grantRole', { userId, clinicId: world.clinic('LKS01'), role: 'ADMIN' }],
      ['users.revokeRole', { userId, clinicId: world.clinic('LKS01'), role: 'DOCTOR' }],
    ];
    for (const [call, input] of attempts(UNKNOWN_USER)) {
      expect(await harness.fail(call, input, lakeside), call).toEqual({ code: 'NOT_FOUND', message: 'That user was not found.' });
    }
    for (const target of ['admin', 'doctor', 'pharmacist']) {
      for (const [call, input] of attempts(world.user(target))) {
        expect(await harness.fail(call, input, lakeside), `${call} on ${target}`).toEqual({ code: 'NOT_FOUND', message: 'That user was not found.' });
      }
    }
    expect(harness.core.database.sqlite.prepare('select * from users order by id').all()).toEqual(before);
    expect(harness.core.database.sqlite.prepare('select * from memberships order by id').all()).toEqual(memberships);
  });

  it('cannot be given a role in a clinic of this organization, nor this organization’s in theirs', async () => {
    const chainAdmin = await world.signIn('admin', 'demo-admin', 'RFC01');
    const lakesideId = world.user('lakeside');
    expect(await harness.fail('users.grantRole', { userId: lakesideId, clinicId: world.clinic('RFC01'), role: 'STAFF' }, chainAdmin)).toEqual({ code: 'NOT_FOUND', message: 'That user was not found.' });
    const intoTheirs = await harness.fail('users.grantRole', { userId: world.user('staff'), clinicId: world.clinic('RFC01'), role: 'ADMIN' }, lakeside);
    expect(intoTheirs).toMatchObject({ code: 'FORBIDDEN', message: 'You can give and take roles only in clinics you administer.' });
    expect(harness.core.database.sqlite.prepare('select count(*) from memberships where user_id = ?').pluck().get(lakesideId)).toBe(1);
  });
});
