import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubQueries } from '#hub/db/hub-db.ts';
import { authorizeChange, Rejection, type ChangeToAuthorize } from '#hub/sync/authorize.ts';
import { BatchState } from '#hub/sync/batch-state.ts';
import type { Device } from '#hub/sync/devices.ts';
import type { RowValues } from '#shared/sync/merge.ts';
import { openMigratedHubInMemory, type MemoryHub } from '#tests/support/migrated-hub-memory.ts';

// The hub's rules for a pushed change (SYNC.md §7), called directly: authorizeChange over a
// batch's state read from a PGlite hub holding two organizations. Organization 1 has clinics A
// and B, organization 2 has clinic C; a workstation in each, and one enrolled in none. Each case
// gives the row before and after the change and the clinics that see it then, as push.ts works
// them out, so that one rule at a time decides.

const ORG_1 = 'org-1';
const ORG_2 = 'org-2';
const A = 'clinic-a';
const B = 'clinic-b';
const C = 'clinic-c';
const DEVICE_A = '01930000-0000-7000-8000-00000000000a';
const DEVICE_B = '01930000-0000-7000-8000-00000000000b';
const DEVICE_C = '01930000-0000-7000-8000-00000000000c';
const DEVICE_NOWHERE = '01930000-0000-7000-8000-0000000000ff';
const USERS = ['admin-a', 'staff-a', 'admin-ab', 'staff-ab', 'admin-b', 'user-c', 'legacy-user', 'former-staff-a'];
const PATIENTS = ['patient-a', 'patient-c', 'patient-unplaced', 'patient-new'];

const devices: Readonly<Record<string, Device>> = {
  [DEVICE_A]: device(DEVICE_A, [A]),
  [DEVICE_B]: device(DEVICE_B, [B]),
  [DEVICE_C]: device(DEVICE_C, [C]),
  [DEVICE_NOWHERE]: device(DEVICE_NOWHERE, []),
};

function device(id: string, clinicIds: readonly string[]): Device {
  return { id, name: `desk ${id.slice(-2)}`, clinicIds, lastSeq: 0, reenrolRequired: false };
}

let hub: MemoryHub;
let db: HubQueries;

async function seed(): Promise<void> {
  await db.query(`insert into hub_clinics (clinic_id, clinic_code, organization_id) values ($1, 'AAA01', $4), ($2, 'BBB01', $4), ($3, 'CCC01', $5)`, [A, B, C, ORG_1, ORG_2]);
  let number = 0;
  for (const [id, { clinicIds }] of Object.entries(devices)) {
    await db.query(`insert into hub_devices (id, name, database_id, credential_hash) values ($1, 'desk', $2, $3)`, [id, `db-${id}`, `hash-${id}`]);
    for (const clinic of clinicIds) await db.query(`insert into hub_device_clinics (device_id, clinic_id, workstation_number) values ($1, $2, $3)`, [id, clinic, (number += 1)]);
  }
  const users: [string, string | null][] = [
    ['admin-a', ORG_1],
    ['staff-a', ORG_1],
    ['admin-ab', ORG_1],
    ['staff-ab', ORG_1],
    ['admin-b', ORG_1],
    ['user-c', ORG_2],
    ['legacy-user', null],
    ['former-staff-a', ORG_1],
  ];
  for (const [id, organization] of users) {
    await db.query(`insert into users (id, username, full_name, password_hash, active, organization_id, created_at, updated_at) values ($1, $1, $2, 'hash', 1, $3, '2026-01-01', '2026-01-01')`, [id, `Name of ${id}`, organization]);
  }
  const memberships: [string, string, string, string | null][] = [
    ['admin-a', A, 'ADMIN', null],
    ['staff-a', A, 'STAFF', null],
    ['admin-ab', A, 'ADMIN', null],
    ['admin-ab', B, 'ADMIN', null],
    ['staff-ab', A, 'STAFF', null],
    ['staff-ab', B, 'STAFF', null],
    ['admin-b', B, 'ADMIN', null],
    ['user-c', C, 'ADMIN', null],
    ['former-staff-a', A, 'STAFF', '2026-02-01'],
  ];
  for (const [user, clinic, role, deletedAt] of memberships) {
    await db.query(`insert into memberships (id, user_id, clinic_id, role, deleted_at) values ($1, $2, $3, $4, $5)`, [`${user}@${clinic}`, user, clinic, role, deletedAt]);
  }
  await db.query(`insert into patients (id, mrn, registered_clinic_id, given_name) values ('patient-a', 'M-1', $1, 'Ada'), ('patient-c', 'M-2', $2, 'Cy'), ('patient-unplaced', 'M-3', null, 'Una')`, [A, C]);
}

/** The batch state push.ts reads for a device's batch: its organization, and the rows and links that decide. */
async function stateOf(deviceId: string): Promise<BatchState> {
  const state = new BatchState(db);
  await state.read([
    { organizationOfDevice: deviceId },
    { table: 'users', ids: USERS },
    { table: 'patients', ids: PATIENTS },
    { linksOf: 'user', values: USERS },
    { linksOf: 'patient', values: PATIENTS },
  ]);
  return state;
}

type Case = { readonly table: string; readonly rowId: string; readonly before: RowValues | null; readonly after: RowValues | null; readonly clinicsBefore?: readonly string[]; readonly clinicsAfter?: readonly string[] };

/** The refusal of a change pushed by a device, as code and message, or null when it is allowed. */
async function refusal(deviceId: string, change: Case): Promise<{ code: string; message: string } | null> {
  const state = await stateOf(deviceId);
  const device = devices[deviceId];
  if (device === undefined) throw new Error(`no device ${deviceId}`);
  const full: ChangeToAuthorize = { ...change, clinicsBefore: new Set(change.clinicsBefore ?? []), clinicsAfter: new Set(change.clinicsAfter ?? []) };
  try {
    authorizeChange(state, device, full);
    return null;
  } catch (error) {
    if (!(error instanceof Rejection)) throw error;
    return { code: error.code, message: error.message };
  }
}

/** A stored row of the hub, as the batch read it: the "before" of a change to it. */
async function storedRow(table: 'users' | 'patients', id: string): Promise<RowValues> {
  const row = (await stateOf(DEVICE_A)).get(table, id);
  if (row === null) throw new Error(`no ${table} row ${id}`);
  return row.values;
}

const SCHEDULE_ROW = { id: 'exception-1', clinic_id: A, date: '2026-03-02', reason: 'Holiday' };

beforeAll(async () => {
  hub = await openMigratedHubInMemory();
  db = hub.db;
  await seed();
});
afterAll(async () => {
  await hub.close();
});

describe('the device and its organization', () => {
  it('refuses every change from a workstation whose clinic the hub places in no organization', async () => {
    expect(await refusal(DEVICE_NOWHERE, { table: 'schedule_exceptions', rowId: 'exception-1', before: null, after: SCHEDULE_ROW, clinicsAfter: [A] })).toEqual({
      code: 'FORBIDDEN_ORGANIZATION',
      message: 'The hub knows no organization for this workstation’s clinic.',
    });
  });

  it('lets only the workstation a devices row describes change it', async () => {
    const own = { id: DEVICE_A, name: 'Front desk', created_at: '2026-01-01' };
    expect(await refusal(DEVICE_A, { table: 'devices', rowId: DEVICE_A, before: null, after: own, clinicsAfter: [A] })).toBeNull();
    expect(await refusal(DEVICE_A, { table: 'devices', rowId: DEVICE_B, before: null, after: { ...own, id: DEVICE_B }, clinicsAfter: [A] })).toEqual({
      code: 'FORBIDDEN_ROW',
      message: 'Only the workstation a devices row describes changes it.',
    });
  });

  it('does not ask a row of any other table to be the device itself', async () => {
    expect(await refusal(DEVICE_A, { table: 'schedule_exceptions', rowId: 'exception-1', before: null, after: SCHEDULE_ROW, clinicsAfter: [A] })).toBeNull();
  });
});

describe('the clinics that see the row, before and after', () => {
  const change = (clinicsBefore: string[], clinicsAfter: string[]): Case => ({ table: 'schedule_exceptions', rowId: 'exception-1', before: SCHEDULE_ROW, after: SCHEDULE_ROW, clinicsBefore, clinicsAfter });
  const notEnrolled = { code: 'FORBIDDEN_CLINIC', message: 'This change to schedule_exceptions belongs to a clinic this workstation is not enrolled in.' };
  const otherOrganization = { code: 'FORBIDDEN_ORGANIZATION', message: "This change to schedule_exceptions reaches a clinic outside this workstation's organization." };

  it('allows a change to a row its own clinic sees before and after', async () => {
    expect(await refusal(DEVICE_A, change([A], [A]))).toBeNull();
  });

  it('allows a new row (seen by nobody before) and a row that no clinic sees afterwards', async () => {
    expect(await refusal(DEVICE_A, change([], [A]))).toBeNull();
    expect(await refusal(DEVICE_A, change([A], []))).toBeNull();
  });

  it('allows a row seen by several clinics when one of them is the device’s', async () => {
    expect(await refusal(DEVICE_B, change([A, B], [A, B]))).toBeNull();
  });

  it('refuses to move another clinic’s row to the device’s own clinic', async () => {
    expect(await refusal(DEVICE_B, change([A], [B]))).toEqual(notEnrolled);
  });

  it('refuses to move the device’s row away to a clinic it is not enrolled in', async () => {
    expect(await refusal(DEVICE_A, change([A], [B]))).toEqual(notEnrolled);
  });

  it('refuses a new row of another clinic', async () => {
    expect(await refusal(DEVICE_A, change([], [B]))).toEqual(notEnrolled);
  });

  it('refuses a row that a clinic of another organization sees, before or after, even beside its own', async () => {
    expect(await refusal(DEVICE_A, change([A, C], [A]))).toEqual(otherOrganization);
    expect(await refusal(DEVICE_A, change([A], [A, C]))).toEqual(otherOrganization);
  });
});

describe('a column naming the row’s organization', () => {
  const clinicRow = (organization: string | null): RowValues => ({ id: A, code: 'AAA01', name: 'Clinic A', organization_id: organization });
  const wrongOrganization = { code: 'FORBIDDEN_ORGANIZATION', message: 'This clinics row belongs to another organization, or moves to one.' };

  it('allows a row created in the device’s own organization', async () => {
    expect(await refusal(DEVICE_A, { table: 'clinics', rowId: A, before: null, after: clinicRow(ORG_1), clinicsAfter: [A] })).toBeNull();
  });

  it('refuses a row created in another organization, or in none', async () => {
    expect(await refusal(DEVICE_A, { table: 'clinics', rowId: A, before: null, after: clinicRow(ORG_2), clinicsAfter: [A] })).toEqual(wrongOrganization);
    expect(await refusal(DEVICE_A, { table: 'clinics', rowId: A, before: null, after: clinicRow(null), clinicsAfter: [A] })).toEqual(wrongOrganization);
  });

  it('refuses to take a row of another organization into the device’s own', async () => {
    expect(await refusal(DEVICE_A, { table: 'clinics', rowId: A, before: clinicRow(ORG_2), after: clinicRow(ORG_1), clinicsBefore: [A], clinicsAfter: [A] })).toEqual(wrongOrganization);
  });

  it('allows a row from before organizations (none named) to be given the device’s own', async () => {
    expect(await refusal(DEVICE_A, { table: 'clinics', rowId: A, before: clinicRow(null), after: clinicRow(ORG_1), clinicsBefore: [A], clinicsAfter: [A] })).toBeNull();
  });
});

describe('a link of a subject to a clinic', () => {
  const link = (clinic: string | null, patient: string | null = 'patient-a'): RowValues => ({ id: 'link-1', patient_id: patient, clinic_id: clinic, deleted_at: null });
  const notItsClinic = { code: 'FORBIDDEN_LINK', message: 'Only a workstation of the clinic itself links a patient to it.' };

  it('allows a workstation to link a patient to its own clinic, and to end that link', async () => {
    expect(await refusal(DEVICE_A, { table: 'patient_clinics', rowId: 'link-1', before: null, after: link(A), clinicsAfter: [A] })).toBeNull();
    expect(await refusal(DEVICE_A, { table: 'patient_clinics', rowId: 'link-1', before: link(A), after: null, clinicsBefore: [A] })).toBeNull();
  });

  it('refuses a link to another clinic of the organization, made or moved there', async () => {
    expect(await refusal(DEVICE_A, { table: 'patient_clinics', rowId: 'link-1', before: null, after: link(B), clinicsAfter: [A, B] })).toEqual(notItsClinic);
    expect(await refusal(DEVICE_A, { table: 'patient_clinics', rowId: 'link-1', before: link(A), after: link(B), clinicsBefore: [A], clinicsAfter: [A, B] })).toEqual(notItsClinic);
  });

  it('refuses to move another clinic’s link to the device’s clinic', async () => {
    expect(await refusal(DEVICE_A, { table: 'patient_clinics', rowId: 'link-1', before: link(B), after: link(A), clinicsBefore: [A, B], clinicsAfter: [A] })).toEqual(notItsClinic);
  });

  it('refuses a link that names no clinic', async () => {
    expect(await refusal(DEVICE_A, { table: 'patient_clinics', rowId: 'link-1', before: null, after: link(null), clinicsAfter: [A] })).toEqual(notItsClinic);
  });

  it('refuses a link to a patient of another organization, or to one the hub does not hold', async () => {
    expect(await refusal(DEVICE_A, { table: 'patient_clinics', rowId: 'link-1', before: null, after: link(A, 'patient-c'), clinicsAfter: [A] })).toEqual({
      code: 'FORBIDDEN_ORGANIZATION',
      message: 'This patient_clinics row names a patient of another organization.',
    });
    expect(await refusal(DEVICE_A, { table: 'patient_clinics', rowId: 'link-1', before: null, after: link(A, 'patient-new'), clinicsAfter: [A] })).toEqual({
      code: 'FORBIDDEN_ROW',
      message: 'This patient_clinics row names a patient the hub does not hold.',
    });
  });

  it('checks no subject of a link that names none', async () => {
    expect(await refusal(DEVICE_A, { table: 'patient_clinics', rowId: 'link-1', before: null, after: link(A, null), clinicsAfter: [A] })).toBeNull();
  });

  it('refuses a role given to a user of another organization, and allows one of its own', async () => {
    const role = (user: string): RowValues => ({ id: 'role-1', user_id: user, clinic_id: A, role: 'STAFF', deleted_at: null });
    expect(await refusal(DEVICE_A, { table: 'memberships', rowId: 'role-1', before: null, after: role('user-c'), clinicsAfter: [A] })).toEqual({
      code: 'FORBIDDEN_ORGANIZATION',
      message: 'This memberships row names a user of another organization.',
    });
    expect(await refusal(DEVICE_A, { table: 'memberships', rowId: 'role-1', before: null, after: role('admin-b'), clinicsAfter: [A] })).toBeNull();
  });

  it('refuses a role given to a user from before organizations, whose organization the hub cannot tell', async () => {
    const role: RowValues = { id: 'role-1', user_id: 'legacy-user', clinic_id: A, role: 'STAFF', deleted_at: null };
    expect(await refusal(DEVICE_A, { table: 'memberships', rowId: 'role-1', before: null, after: role, clinicsAfter: [A] })).toMatchObject({ code: 'FORBIDDEN_ORGANIZATION' });
  });
});

describe('a row naming a subject', () => {
  const allergy = (patient: string | null): RowValues => ({ id: 'allergy-1', patient_id: patient, substance: 'penicillin', deleted_at: null });

  it('allows a row of a patient of the organization, whichever clinic registered them', async () => {
    expect(await refusal(DEVICE_A, { table: 'patient_allergies', rowId: 'allergy-1', before: null, after: allergy('patient-a'), clinicsAfter: [A] })).toBeNull();
  });

  it('refuses a row naming a patient of another organization, or one no clinic registered', async () => {
    for (const patient of ['patient-c', 'patient-unplaced']) {
      expect(await refusal(DEVICE_A, { table: 'patient_allergies', rowId: 'allergy-1', before: null, after: allergy(patient), clinicsAfter: [A] })).toEqual({
        code: 'FORBIDDEN_ORGANIZATION',
        message: 'This patient_allergies row names a patient of another organization.',
      });
    }
  });

  it('checks no subject of a row that names none, nor of a row removed', async () => {
    expect(await refusal(DEVICE_A, { table: 'patient_allergies', rowId: 'allergy-1', before: null, after: allergy(null) })).toBeNull();
    expect(await refusal(DEVICE_A, { table: 'patient_allergies', rowId: 'allergy-1', before: allergy('patient-c'), after: null })).toBeNull();
  });

  it('does not ask a new patient to be a patient the hub holds already', async () => {
    const patient = { id: 'patient-new', mrn: 'M-9', registered_clinic_id: A, given_name: 'Nia' };
    expect(await refusal(DEVICE_A, { table: 'patients', rowId: 'patient-new', before: null, after: patient, clinicsAfter: [A] })).toBeNull();
  });

  it('checks the user an audit row names only when the row names no clinic', async () => {
    const audit = (clinic: string | null, user: string | null): RowValues => ({ id: 'audit-1', at: '2026-03-02', user_id: user, clinic_id: clinic, device_id: DEVICE_A, action: 'auth.signIn' });
    expect(await refusal(DEVICE_A, { table: 'audit_log', rowId: 'audit-1', before: null, after: audit(A, 'user-c'), clinicsAfter: [A] })).toBeNull();
    expect(await refusal(DEVICE_A, { table: 'audit_log', rowId: 'audit-1', before: null, after: audit(null, 'admin-a'), clinicsAfter: [A] })).toBeNull();
    expect(await refusal(DEVICE_A, { table: 'audit_log', rowId: 'audit-1', before: null, after: audit(null, 'user-c'), clinicsAfter: [A] })).toEqual({
      code: 'FORBIDDEN_ORGANIZATION',
      message: 'This audit_log row names a user of another organization.',
    });
  });

  it('checks the user of an audit row from a workstation too old to send its clinic column', async () => {
    const audit: RowValues = { id: 'audit-1', at: '2026-03-02', user_id: 'user-c', device_id: DEVICE_A, action: 'auth.signIn' };
    expect(await refusal(DEVICE_A, { table: 'audit_log', rowId: 'audit-1', before: null, after: audit, clinicsAfter: [A] })).toMatchObject({ code: 'FORBIDDEN_ORGANIZATION' });
  });

  it('allows an audit row naming neither clinic nor user: a failed sign-in with an unknown username', async () => {
    const audit: RowValues = { id: 'audit-1', at: '2026-03-02', user_id: null, attempted_username: 'nobody', clinic_id: null, device_id: DEVICE_A, action: 'auth.signIn', outcome: 'FAILURE' };
    expect(await refusal(DEVICE_A, { table: 'audit_log', rowId: 'audit-1', before: null, after: audit, clinicsAfter: [A] })).toBeNull();
  });
});

describe('a change to an account', () => {
  async function accountChange(deviceId: string, userId: string, actor: string | null, columns: RowValues, clinics: string[]) {
    const before = await storedRow('users', userId);
    return refusal(deviceId, { table: 'users', rowId: userId, before, after: { ...before, ...columns, account_changed_by: actor }, clinicsBefore: clinics, clinicsAfter: clinics });
  }
  const refused = (message: string) => ({ code: 'FORBIDDEN_ACCOUNT', message });

  it('allows a new account from a workstation of the organization: it holds no role yet', async () => {
    const account = { id: 'user-new', username: 'nia', full_name: 'Nia', organization_id: ORG_1, account_changed_by: null };
    expect(await refusal(DEVICE_A, { table: 'users', rowId: 'user-new', before: null, after: account })).toBeNull();
  });

  it('asks nothing of a change that sets only its times, its author or (from before organizations) its organization', async () => {
    expect(await accountChange(DEVICE_A, 'staff-a', null, { updated_at: '2026-03-02' }, [A])).toBeNull();
    expect(await accountChange(DEVICE_A, 'staff-a', null, { created_at: '2026-03-02' }, [A])).toBeNull();
    expect(await accountChange(DEVICE_A, 'staff-a', 'staff-a', {}, [A])).toBeNull();
    expect(await accountChange(DEVICE_A, 'legacy-user', null, { organization_id: ORG_1 }, [])).toBeNull();
  });

  it('refuses a change that does not say who made it', async () => {
    expect(await accountChange(DEVICE_A, 'staff-a', null, { full_name: 'Sam' }, [A])).toEqual(refused("A change to a user's account must say who made it."));
  });

  it('lets a user change their own password, and nothing else of their account', async () => {
    expect(await accountChange(DEVICE_A, 'staff-a', 'staff-a', { password_hash: 'new', must_change_password: 0 }, [A])).toBeNull();
    const onlyPassword = refused('A user changes only their own password; the rest of an account is for its administrators.');
    expect(await accountChange(DEVICE_A, 'staff-a', 'staff-a', { full_name: 'Sam' }, [A])).toEqual(onlyPassword);
    expect(await accountChange(DEVICE_A, 'staff-a', 'staff-a', { password_hash: 'new', active: 0 }, [A])).toEqual(onlyPassword);
  });

  it('lets an administrator of every clinic where the account holds a role change it', async () => {
    expect(await accountChange(DEVICE_A, 'staff-a', 'admin-a', { full_name: 'Sam', active: 0 }, [A])).toBeNull();
    expect(await accountChange(DEVICE_A, 'staff-ab', 'admin-ab', { active: 0 }, [A, B])).toBeNull();
  });

  it('refuses a change by an administrator of only some of the account’s clinics, or by someone not an administrator', async () => {
    const notEverywhere = refused('Only an administrator of every clinic where this account holds a role may change it.');
    expect(await accountChange(DEVICE_A, 'staff-ab', 'admin-a', { active: 0 }, [A, B])).toEqual(notEverywhere);
    expect(await accountChange(DEVICE_A, 'admin-a', 'staff-a', { active: 0 }, [A])).toEqual(notEverywhere);
  });

  it('refuses a change by someone who holds no role at the workstation’s clinic', async () => {
    const notHere = refused('Who changed this account holds no role at this workstation’s clinic.');
    expect(await accountChange(DEVICE_A, 'staff-ab', 'admin-b', { active: 0 }, [A, B])).toEqual(notHere);
    expect(await accountChange(DEVICE_A, 'staff-a', 'former-staff-a', { active: 0 }, [A])).toEqual(notHere);
  });
});
