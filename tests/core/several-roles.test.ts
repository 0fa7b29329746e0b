import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/open.ts';
import { backupsDirIn, databaseFileIn, sourcePaths } from '#core/platform/paths.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

// Several roles per person per clinic (issue 33): an owner who is a doctor also administers. What
// a person may do in a clinic is the union of their live roles there, and each role is given and
// taken on its own.

describe('several roles in one clinic', () => {
  let harness: Harness;
  let admin: string;
  let clinicId: string;

  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    clinicId = (await harness.call('clinic.get', {}, admin)).id;
  });
  afterEach(() => harness.close());

  const rolesOf = async (token: string) => (await harness.call('auth.session', {}, token)).activeClinic?.roles;

  it('lets a doctor who is also an administrator do what either role allows, and stays one bookable doctor', async () => {
    const doctor = await userWithRole(harness, admin, 'DOCTOR', 'owner');
    expect((await harness.fail('users.list', {}, doctor.token)).message).toBe('Your role (Doctor) does not allow this.');

    const granted = await harness.call('users.grantRole', { userId: doctor.userId, clinicId, role: 'ADMIN' }, admin);
    expect(granted.memberships).toEqual([expect.objectContaining({ clinicId, roles: ['ADMIN', 'DOCTOR'] })]);
    expect(await rolesOf(doctor.token)).toEqual(['ADMIN', 'DOCTOR']);
    // An administrator's call, and a doctor's: both allowed to the one person.
    expect((await harness.call('users.list', {}, doctor.token)).users.length).toBeGreaterThan(1);
    await harness.call('doctors.saveProfile', { userId: doctor.userId, specialization: 'Family medicine', registrationNumber: 'GMC-owner', visibility: 'PUBLIC', active: true }, doctor.token);
    const doctors = (await harness.call('doctors.list', {}, doctor.token)).doctors.filter((listed) => listed.userId === doctor.userId);
    expect(doctors).toEqual([expect.objectContaining({ bookable: true })]);
    // A pharmacist's call is still not theirs.
    const pharmacistOnly = await harness.fail('users.list', {}, (await userWithRole(harness, admin, 'PHARMACIST', 'chemist')).token);
    expect(pharmacistOnly.code).toBe('FORBIDDEN');
  });

  it('takes one role away and leaves the other, at once', async () => {
    const doctor = await userWithRole(harness, admin, 'DOCTOR', 'owner');
    await harness.call('users.grantRole', { userId: doctor.userId, clinicId, role: 'ADMIN' }, admin);
    await harness.call('users.list', {}, doctor.token);

    const revoked = await harness.call('users.revokeRole', { userId: doctor.userId, clinicId, role: 'ADMIN' }, admin);
    expect(revoked.memberships).toEqual([expect.objectContaining({ roles: ['DOCTOR'] })]);
    expect(await rolesOf(doctor.token)).toEqual(['DOCTOR']);
    expect((await harness.fail('users.list', {}, doctor.token)).code).toBe('FORBIDDEN');
    expect((await harness.call('doctors.list', {}, doctor.token)).doctors.map((listed) => listed.userId)).toContain(doctor.userId);

    // Giving back a role revives its row: one row per role, never a second.
    await harness.call('users.grantRole', { userId: doctor.userId, clinicId, role: 'ADMIN' }, admin);
    await harness.call('users.grantRole', { userId: doctor.userId, clinicId, role: 'ADMIN' }, admin);
    const rows = harness.core.database.sqlite.prepare(`select role, deleted_at from memberships where user_id = ? order by role`).all(doctor.userId);
    expect(rows).toEqual([
      { role: 'ADMIN', deleted_at: null },
      { role: 'DOCTOR', deleted_at: null },
    ]);
    const audited = harness.core.database.sqlite.prepare(`select action, detail from audit_log where entity_id = ? and action like 'users.%Role' order by at, rowid`).all(doctor.userId);
    expect(audited).toEqual([
      { action: 'users.grantRole', detail: JSON.stringify({ role: 'ADMIN' }) },
      { action: 'users.revokeRole', detail: JSON.stringify({ role: 'ADMIN' }) },
      { action: 'users.grantRole', detail: JSON.stringify({ role: 'ADMIN' }) },
      { action: 'users.grantRole', detail: JSON.stringify({ role: 'ADMIN' }) },
    ]);
  });

  it('lets the last administrator drop another role of theirs, never the Administrator one', async () => {
    const adminId = (await harness.call('auth.session', {}, admin)).user.id;
    await harness.call('users.grantRole', { userId: adminId, clinicId, role: 'DOCTOR' }, admin);
    await harness.call('users.revokeRole', { userId: adminId, clinicId, role: 'DOCTOR' }, admin);
    const lastAdmin = await harness.fail('users.revokeRole', { userId: adminId, clinicId, role: 'ADMIN' }, admin);
    expect(lastAdmin.code).toBe('CONFLICT');
    expect(await rolesOf(admin)).toEqual(['ADMIN']);
  });

  it('refuses a role name it does not know, in words', async () => {
    const doctor = await userWithRole(harness, admin, 'DOCTOR', 'owner');
    const refused = await harness.fail('users.grantRole', { userId: doctor.userId, clinicId, role: 'OWNER' }, admin);
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toMatch(/Choose a role/);
  });
});

describe('the migration to several roles', () => {
  it('keeps every membership a workstation held, and then takes a second role beside it', async () => {
    const temp = makeTempDir();
    try {
      const open = (upTo?: string) =>
        openDatabase({ file: databaseFileIn(temp.path), migrationsDir: sourcePaths.sqliteMigrations, backupsDir: backupsDirIn(temp.path), nowMs: Date.parse('2026-03-02T09:00:00.000Z'), ...(upTo === undefined ? {} : { upTo }) });
      const before = await open('0019_account_changed_by');
      const at = '2026-03-01T09:00:00.000Z';
      before.sqlite.prepare(`insert into organizations (id, name, created_at, updated_at) values ('org', 'Practice', ?, ?)`).run(at, at);
      before.sqlite.prepare(`insert into clinics (id, organization_id, code, name, country, city, currency, time_zone, created_at, updated_at) values ('clinic', 'org', 'OLD01', 'Old Town', 'IN', 'Pune', 'INR', 'Asia/Kolkata', ?, ?)`).run(at, at);
      for (const user of ['owner', 'gone']) {
        before.sqlite.prepare(`insert into users (id, organization_id, username, full_name, password_hash, password_changed_at, created_at, updated_at) values (?, 'org', ?, ?, 'hash', ?, ?, ?)`).run(user, user, user, at, at, at);
      }
      before.sqlite.prepare(`insert into memberships (id, user_id, clinic_id, role, created_at, updated_at, deleted_at) values ('m-owner', 'owner', 'clinic', 'DOCTOR', ?, ?, null), ('m-gone', 'gone', 'clinic', 'STAFF', ?, ?, ?)`).run(at, at, at, at, at);
      const kept = before.sqlite.prepare(`select * from memberships order by id`).all();
      expect(() => before.sqlite.prepare(`insert into memberships (id, user_id, clinic_id, role, created_at, updated_at) values ('m-second', 'owner', 'clinic', 'ADMIN', ?, ?)`).run(at, at)).toThrow(/UNIQUE/);
      before.sqlite.close();

      const after = await open();
      expect(after.sqlite.prepare(`select * from memberships order by id`).all()).toEqual(kept);
      after.sqlite.prepare(`insert into memberships (id, user_id, clinic_id, role, created_at, updated_at) values ('m-second', 'owner', 'clinic', 'ADMIN', ?, ?)`).run(at, at);
      expect(() => after.sqlite.prepare(`insert into memberships (id, user_id, clinic_id, role, created_at, updated_at) values ('m-twice', 'owner', 'clinic', 'ADMIN', ?, ?)`).run(at, at)).toThrow(/UNIQUE/);
      after.sqlite.close();
    } finally {
      temp.remove();
    }
  });
});
