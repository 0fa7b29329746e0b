import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '#core/demo/seed.ts';
import { demoTimeZone, demoUsers } from '#core/demo/demo-data.ts';
import { adminAccount, ownPassword, sampleClinic, setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

function count(harness: Harness, table: string): number {
  return harness.core.database.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;
}

function audit(harness: Harness, action: string): { entity_id: string | null; detail: string | null; user_id: string | null; device_id: string; outcome: string }[] {
  return harness.core.database.sqlite.prepare(`select entity_id, detail, user_id, device_id, outcome from audit_log where action = ? order by id`).all(action) as never;
}

describe('first-run setup', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it('creates the clinic and its administrator once, and signs the administrator in', async () => {
    expect((await harness.call('system.status', {})).needsSetup).toBe(true);
    const signedIn = await harness.call('setup.createClinic', { clinic: { ...sampleClinic, code: 'rfc01' }, admin: adminAccount });
    expect(signedIn.activeClinic).toMatchObject({ code: 'RFC01', roles: ['ADMIN'], timeZone: 'Europe/London', currency: 'GBP' });
    expect((await harness.call('system.status', {})).needsSetup).toBe(false);
    const [row] = audit(harness, 'setup.createClinic');
    expect(row?.entity_id).toBe(signedIn.activeClinic?.clinicId);
    expect(row?.device_id).toBe(harness.core.identity.deviceId);

    const again = await harness.fail('setup.createClinic', { clinic: { ...sampleClinic, code: 'XYZ99' }, admin: { ...adminAccount, username: 'other' } });
    expect(again.code).toBe('CONFLICT');
    expect(count(harness, 'clinics')).toBe(1);
    expect(count(harness, 'users')).toBe(1);
  });

  it('names every field at fault and writes nothing', async () => {
    const error = await harness.fail('setup.createClinic', {
      clinic: { ...sampleClinic, code: 'AB1', currency: 'XXQ', timeZone: 'Mars/Olympus', country: 'QQ', name: '  ' },
      admin: { ...adminAccount, username: 'a', password: 'short', email: 'not-an-email' },
    });
    expect(error.code).toBe('VALIDATION');
    const fields = Object.fromEntries((error.fields ?? []).map((field) => [field.field, field.message]));
    expect(fields).toMatchObject({
      'clinic.code': 'Clinic code must be three letters and two digits, such as ABC01',
      'clinic.currency': 'Currency must be a three-letter ISO code such as EUR or INR',
      'clinic.timeZone': 'Time zone is not known; pick one such as Europe/London',
      'clinic.country': 'Country must be chosen from the list',
      'clinic.name': 'Clinic name is required',
      'admin.username': 'Username must be at least 3 characters',
      'admin.password': 'Password must be at least 8 characters',
      'admin.email': 'Email is not a valid address (name@example.com)',
    });
    expect(count(harness, 'clinics')).toBe(0);
    expect(count(harness, 'users')).toBe(0);
    expect(count(harness, 'audit_log')).toBe(0);
  });

  it('refuses fields the call does not know and values of the wrong type', async () => {
    const extra = await harness.fail('setup.createClinic', { clinic: { ...sampleClinic, plan: 'gold' }, admin: adminAccount });
    expect(extra.fields).toEqual([{ field: 'clinic.plan', message: '"plan" is not a field this call accepts' }]);
    const wrongType = await harness.fail('setup.createClinic', { clinic: { ...sampleClinic, name: 42 }, admin: adminAccount });
    expect(wrongType.field).toBe('clinic.name');
    const notAnObject = await harness.fail('setup.createClinic', 'hello');
    expect(notAnObject.code).toBe('VALIDATION');
    expect(count(harness, 'clinics')).toBe(0);
  });
});

describe('administration of users and the clinic', () => {
  let harness: Harness;
  let admin: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
  });
  afterEach(() => harness.close());

  const findUser = async (username: string) => {
    const { users } = await harness.call('users.list', {}, admin);
    const user = users.find((candidate) => candidate.username === username);
    if (user === undefined) throw new Error(`${username} not listed`);
    return user;
  };

  it('creates a user with a role, who must choose a password, and audits it', async () => {
    const created = await harness.call('users.create', { fullName: 'Dr. Jo Bell', username: 'JBell', email: 'jo@example.org', phone: '+44 7700 900123', password: 'temporary-pass', role: 'DOCTOR' }, admin);
    expect(created).toMatchObject({ username: 'jbell', active: true, mustChangePassword: true, memberships: [{ clinicCode: 'RFC01', roles: ['DOCTOR'] }] });
    expect(JSON.stringify(created)).not.toContain('argon2');
    expect(audit(harness, 'users.create')).toEqual([expect.objectContaining({ entity_id: created.id, detail: JSON.stringify({ role: 'DOCTOR' }) })]);

    const duplicate = await harness.fail('users.create', { fullName: 'Other', username: 'jbell', email: '', phone: '', password: 'temporary-pass', role: 'STAFF' }, admin);
    expect(duplicate).toMatchObject({ code: 'CONFLICT', field: 'username' });
  });

  it('edits a user’s details and records which fields changed, not their values', async () => {
    const { userId } = await userWithRole(harness, admin, 'STAFF', 'desk');
    const updated = await harness.call('users.update', { userId, fullName: 'Front Desk One', email: 'desk@example.org', phone: '' }, admin);
    expect(updated.fullName).toBe('Front Desk One');
    const [row] = audit(harness, 'users.update');
    expect(JSON.parse(row?.detail ?? '{}')).toEqual({ fields: ['fullName', 'email'] });
    expect(row?.detail).not.toContain('desk@example.org');
  });

  it('gives and takes roles, and never leaves a clinic without an administrator', async () => {
    const { userId, token } = await userWithRole(harness, admin, 'STAFF', 'desk');
    const clinicId = (await harness.call('clinic.get', {}, admin)).id;
    await harness.call('users.grantRole', { userId, clinicId, role: 'PHARMACIST' }, admin);
    await harness.call('users.revokeRole', { userId, clinicId, role: 'STAFF' }, admin);
    expect((await harness.call('auth.session', {}, token)).activeClinic?.roles).toEqual(['PHARMACIST']);
    await harness.call('users.revokeRole', { userId, clinicId, role: 'PHARMACIST' }, admin);
    expect((await harness.fail('clinic.get', {}, token)).code).toBe('FORBIDDEN');
    expect((await findUser('desk')).memberships).toEqual([]);
    await harness.call('users.grantRole', { userId, clinicId, role: 'STAFF' }, admin);
    expect((await harness.call('clinic.get', {}, token)).code).toBe('RFC01');

    const adminId = (await findUser('ada')).id;
    const lastAdmin = await harness.fail('users.revokeRole', { userId: adminId, clinicId, role: 'ADMIN' }, admin);
    expect(lastAdmin).toMatchObject({ code: 'CONFLICT' });
    expect(lastAdmin.message).toMatch(/last active administrator of Riverside Family Clinic/);
  });

  it('deactivates a user, ending their sessions at once, but never the administrator themself', async () => {
    const { userId, token } = await userWithRole(harness, admin, 'DOCTOR', 'doc');
    const received: string[] = [];
    const stop = harness.core.subscribe(token, (event) => received.push(event.type));
    await harness.call('users.setActive', { userId, active: false }, admin);
    expect((await harness.fail('clinic.get', {}, token)).code).toBe('UNAUTHENTICATED');
    expect(received).toContain('session.ended');
    stop();

    const selfId = (await findUser('ada')).id;
    expect((await harness.fail('users.setActive', { userId: selfId, active: false }, admin)).message).toBe('You cannot deactivate your own account.');
    await harness.call('users.setActive', { userId, active: true }, admin);
    expect((await harness.call('auth.signIn', { username: 'doc', password: ownPassword('doc') })).user.username).toBe('doc');
  });

  it('resets a password: lifts a lockout, ends sessions, and asks for a new password', async () => {
    const { userId, token } = await userWithRole(harness, admin, 'STAFF', 'desk');
    for (let attempt = 0; attempt < 5; attempt += 1) await harness.fail('auth.signIn', { username: 'desk', password: 'wrong wrong' });
    expect((await findUser('desk')).lockedUntil).not.toBeNull();
    const reset = await harness.call('users.resetPassword', { userId, newPassword: 'fresh-temporary' }, admin);
    expect(reset).toMatchObject({ lockedUntil: null, mustChangePassword: true });
    expect((await harness.fail('clinic.get', {}, token)).code).toBe('UNAUTHENTICATED');
    const signedIn = await harness.call('auth.signIn', { username: 'desk', password: 'fresh-temporary' });
    expect(signedIn.user.mustChangePassword).toBe(true);
    expect(audit(harness, 'users.resetPassword')).toHaveLength(1);
  });

  it('renames the clinic and edits its details, keeping the code', async () => {
    const clinic = await harness.call('clinic.get', {}, admin);
    const { id: _id, code: _code, createdAt: _created, updatedAt: _updated, ...details } = clinic;
    const updated = await harness.call('clinic.update', { ...details, name: 'Riverside Health Centre', city: 'Bath', status: 'INACTIVE' }, admin);
    expect(updated).toMatchObject({ code: 'RFC01', name: 'Riverside Health Centre', city: 'Bath', status: 'INACTIVE' });
    expect(JSON.parse(audit(harness, 'clinic.update')[0]?.detail ?? '{}')).toEqual({ fields: ['name', 'city', 'status'] });
    const codeChange = await harness.fail('clinic.update', { ...details, code: 'NEW01' }, admin);
    expect(codeChange.fields?.[0]?.field).toBe('code');
  });

  it('keeps staff out of an inactive clinic but lets administrators in to reopen it', async () => {
    const { token } = await userWithRole(harness, admin, 'STAFF', 'desk');
    const clinic = await harness.call('clinic.get', {}, admin);
    const { id: _id, code: _code, createdAt: _created, updatedAt: _updated, ...details } = clinic;
    await harness.call('clinic.update', { ...details, status: 'SUSPENDED' }, admin);
    await harness.call('auth.signOut', {}, token);
    const refused = await harness.fail('auth.signIn', { username: 'desk', password: ownPassword('desk') });
    expect(refused.message).toMatch(/no role in an open clinic/);
    const again = await harness.call('auth.signIn', { username: 'ada', password: adminAccount.password });
    expect(again.activeClinic?.code).toBe('RFC01');
  });
});

describe('audit log', () => {
  let harness: Harness;
  let admin: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
  });
  afterEach(() => harness.close());

  it('lists who did what from which workstation, filters it, and pages through it', async () => {
    await harness.fail('auth.signIn', { username: 'ada', password: 'wrong one!' });
    await userWithRole(harness, admin, 'DOCTOR', 'doc');
    const all = await harness.call('audit.list', { limit: 500 }, admin);
    const actions = all.entries.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['setup.createClinic', 'auth.signIn', 'users.create', 'auth.changePassword']));
    expect(all.entries.every((entry) => entry.deviceName === 'test-desk')).toBe(true);
    expect(all.entries.map((entry) => entry.at)).toEqual([...all.entries.map((entry) => entry.at)].sort().reverse());

    const failures = await harness.call('audit.list', { outcome: 'FAILURE', limit: 100 }, admin);
    expect(failures.entries).toHaveLength(1);
    expect(failures.entries[0]).toMatchObject({ action: 'auth.signIn', userName: 'Ada Admin' });

    const firstPage = await harness.call('audit.list', { limit: 2 }, admin);
    expect(firstPage.entries).toHaveLength(2);
    expect(firstPage.nextCursor).not.toBeNull();
    const secondPage = await harness.call('audit.list', { limit: 2, before: firstPage.nextCursor ?? '' }, admin);
    expect(secondPage.entries[0]?.id).not.toBe(firstPage.entries[1]?.id);
    expect((secondPage.entries[0]?.at ?? '') <= (firstPage.entries[1]?.at ?? '')).toBe(true);

    harness.clock.advance(2 * 24 * 60 * 60_000);
    const later = await harness.call('auth.signIn', { username: 'ada', password: adminAccount.password });
    const recent = await harness.call('audit.list', { from: new Date(harness.clock.now() - 60_000).toISOString(), limit: 100 }, later.token);
    expect(recent.entries.map((entry) => entry.action)).toEqual(['auth.signIn']);
  });

  it('has no call that edits or deletes an entry', async () => {
    const { contract } = await import('#shared/api/contract.ts');
    expect(Object.keys(contract).filter((name) => name.startsWith('audit.'))).toEqual(['audit.list']);
  });
});

describe('demo data', () => {
  it('creates two clinics with one user per role in an empty folder only', async () => {
    const harness = await startHarness();
    try {
      expect(await seedDemo(harness.core)).toBe('created');
      for (const user of demoUsers) {
        const signedIn = await harness.call('auth.signIn', { username: user.username, password: user.password });
        expect(signedIn.memberships.flatMap((membership) => membership.roles)).toContain(user.role);
      }
      const admin = await harness.call('auth.signIn', { username: 'admin', password: 'demo-admin' });
      expect(admin.memberships).toHaveLength(2);
      expect(admin.activeClinic).toBeNull();
      const counts = harness.core.database.sqlite.prepare(`select (select count(*) from patients) patients, (select count(*) from appointments) appointments, (select count(*) from queue_entries) queued, (select count(*) from weekly_schedules) sessions`).get();
      expect(counts).toEqual({ patients: 40, appointments: 8, queued: 3, sessions: 14 });
      expect(await seedDemo(harness.core)).toBe('skipped-not-empty');
    } finally {
      await harness.close();
    }
  });
});

describe('the demo clinics’ time zone', () => {
  it('follows the machine’s named zone, and falls back to England’s for UTC or an offset', () => {
    expect(demoTimeZone('Asia/Dhaka')).toBe('Asia/Dhaka');
    expect(demoTimeZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(demoTimeZone('UTC')).toBe('Europe/London');
    expect(demoTimeZone('Etc/GMT+5')).toBe('Europe/London');
  });
});

describe('working in several clinics', () => {
  it('lets a user with two clinics pick one, switch, and act only in the chosen one', async () => {
    const harness = await startHarness();
    try {
      await seedDemo(harness.core);
      const selectionsBefore = audit(harness, 'auth.selectClinic').length;
      const signedIn = await harness.call('auth.signIn', { username: 'admin', password: 'demo-admin' });
      const token = signedIn.token ?? '';
      expect((await harness.fail('clinic.get', {}, token)).message).toBe('Choose a clinic first.');
      const [hillview, riverside] = signedIn.memberships;
      const first = await harness.call('auth.selectClinic', { clinicId: riverside?.clinicId ?? '' }, token);
      expect(first.activeClinic?.code).toBe('RFC01');
      expect((await harness.call('clinic.get', {}, token)).code).toBe('RFC01');
      await harness.call('auth.selectClinic', { clinicId: hillview?.clinicId ?? '' }, token);
      expect((await harness.call('clinic.get', {}, token)).code).toBe('HVC01');

      const staff = await harness.call('auth.signIn', { username: 'staff', password: 'demo-staff' });
      expect(staff.activeClinic?.code).toBe('RFC01');
      const elsewhere = await harness.fail('auth.selectClinic', { clinicId: hillview?.clinicId ?? '' }, staff.token);
      expect(elsewhere).toMatchObject({ code: 'NOT_FOUND', message: 'You have no role in that clinic.' });
      expect((await harness.call('clinic.get', {}, staff.token)).code).toBe('RFC01');
      expect(audit(harness, 'auth.selectClinic').filter((row) => row.outcome === 'SUCCESS')).toHaveLength(selectionsBefore + 2);
    } finally {
      await harness.close();
    }
  });
});
