import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/open.ts';
import { backupsDirIn, databaseFileIn, sourcePaths } from '#core/platform/paths.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { patientInput, setUpClinic, startHarness, START_MS, userWithRole, type Harness } from '#tests/support/core-harness.ts';

// Issue 33: what the front desk types must not invent or hide clinical facts. A birth date after
// today is refused; "no known allergies" is a statement with an author, never the look of a
// record where nobody asked; and two records of plainly different people are not merged silently.
describe('safe patient data entry', () => {
  let harness: Harness;
  let admin: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
  });
  afterEach(() => harness.close());

  const register = (overrides: Record<string, unknown> = {}, token = admin) => harness.call('patients.register', { ...patientInput(overrides), notADuplicate: true }, token);
  const auditDetails = (action: string): Record<string, unknown>[] =>
    (harness.core.database.sqlite.prepare(`select detail from audit_log where action = ? order by id`).pluck().all(action) as string[]).map((text) => JSON.parse(text) as Record<string, unknown>);

  it('refuses a date of birth after the clinic’s today, on registration and on edit', async () => {
    // The harness's clock stands at 2026-03-02 in the clinic.
    const refused = await harness.fail('patients.register', { ...patientInput({ birth: { kind: 'date', date: '2026-03-03' } }), notADuplicate: true }, admin);
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'birth.date', message: 'Date of birth cannot be in the future' });
    const born = await register({ birth: { kind: 'date', date: '2026-03-02' } });
    expect(born.birthDate).toBe('2026-03-02');
    const edit = await harness.fail('patients.update', { ...patientInput({ birth: { kind: 'date', date: '2031-01-01' } }), patientId: born.id }, admin);
    expect(edit).toMatchObject({ code: 'VALIDATION', field: 'birth.date', message: 'Date of birth cannot be in the future' });
    const ancient = await harness.fail('patients.register', { ...patientInput({ birth: { kind: 'date', date: '1890-01-01' } }), notADuplicate: true }, admin);
    expect(ancient.message).toBe('Date of birth must be within the last 130 years');
  });

  it('says a date of birth is required, in words, when none is given', async () => {
    const refused = await harness.fail('patients.register', { ...patientInput({ birth: { kind: 'date', date: '' } }), notADuplicate: true }, admin);
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'birth.date', message: 'Date of birth is required' });
  });

  it('keeps "not recorded" apart from "no known allergies", which names who stated it and when', async () => {
    const unasked = await register();
    expect(unasked).toMatchObject({ allergyStatus: 'NOT_RECORDED', allergyStatement: null, allergies: [] });

    const stated = await register({ givenName: 'Tom', familyName: 'Baker', phone: '', allergyStatus: 'NONE_KNOWN' });
    expect(stated.allergyStatus).toBe('NONE_KNOWN');
    expect(stated.allergyStatement).toEqual({ statedByName: 'Ada Admin', statedAt: new Date(START_MS).toISOString() });

    const listed = await register({ givenName: 'Ann', familyName: 'Lee', phone: '', allergyStatus: 'LISTED', allergies: [{ substance: 'Penicillin', reaction: '', severity: 'SEVERE' }] });
    expect(listed).toMatchObject({ allergyStatus: 'LISTED', allergyStatement: null, allergies: [{ substance: 'Penicillin' }] });
    // A caller that names no status gets one from its list, and never "none known".
    const older = await register({ givenName: 'Old', familyName: 'Caller', phone: '', allergies: [{ substance: 'Latex', reaction: '', severity: 'MILD' }] });
    expect(older.allergyStatus).toBe('LISTED');

    expect(auditDetails('patients.register').map((detail) => detail['allergyStatus'])).toEqual(['NOT_RECORDED', 'NONE_KNOWN', 'LISTED', 'LISTED']);
  });

  it('refuses a status that contradicts the list', async () => {
    const noneButListed = await harness.fail('patients.register', { ...patientInput({ allergyStatus: 'NONE_KNOWN', allergies: [{ substance: 'Latex', reaction: '', severity: 'MILD' }] }), notADuplicate: true }, admin);
    expect(noneButListed).toMatchObject({ code: 'VALIDATION', field: 'allergyStatus', message: 'Remove the listed allergies, or choose "Has allergies"' });
    const listedButEmpty = await harness.fail('patients.register', { ...patientInput({ allergyStatus: 'LISTED' }), notADuplicate: true }, admin);
    expect(listedButEmpty).toMatchObject({ code: 'VALIDATION', field: 'allergyStatus', message: 'Add at least one allergy, or choose another answer' });
  });

  it('keeps the statement’s author through later edits, and drops it when allergies are found', async () => {
    const stated = await register({ allergyStatus: 'NONE_KNOWN' });
    const statedAt = stated.allergyStatement?.statedAt;
    const staff = await userWithRole(harness, admin, 'STAFF', 'sam');
    harness.clock.advance(60_000);
    const moved = await harness.call('patients.update', { ...patientInput({ address: '1 New Street', allergyStatus: 'NONE_KNOWN' }), patientId: stated.id }, staff.token);
    expect(moved.allergyStatement).toEqual({ statedByName: 'Ada Admin', statedAt });

    const found = await harness.call('patients.update', { ...patientInput({ allergyStatus: 'LISTED', allergies: [{ substance: 'Aspirin', reaction: 'Wheeze', severity: 'SEVERE' }] }), patientId: stated.id }, staff.token);
    expect(found).toMatchObject({ allergyStatus: 'LISTED', allergyStatement: null });
    expect(auditDetails('patients.update').at(-1)?.['fields']).toContain('allergyStatus');

    const restated = await harness.call('patients.update', { ...patientInput({ allergyStatus: 'NONE_KNOWN' }), patientId: stated.id }, staff.token);
    expect(restated.allergyStatement).toEqual({ statedByName: 'Test STAFF', statedAt: new Date(START_MS + 60_000).toISOString() });
  });

  it('merges allergy knowledge: taken allergies make the survivor listed, a statement fills a blank', async () => {
    const blank = await register({ phone: '' });
    const stated = await register({ phone: '', allergyStatus: 'NONE_KNOWN' });
    const afterStatement = await harness.call('patients.merge', { survivorId: blank.id, mergedId: stated.id }, admin);
    expect(afterStatement.allergyStatus).toBe('NONE_KNOWN');
    expect(afterStatement.allergyStatement?.statedByName).toBe('Ada Admin');

    const allergic = await register({ phone: '', allergies: [{ substance: 'Latex', reaction: '', severity: 'MILD' }] });
    const afterAllergy = await harness.call('patients.merge', { survivorId: blank.id, mergedId: allergic.id }, admin);
    expect(afterAllergy).toMatchObject({ allergyStatus: 'LISTED', allergyStatement: null, allergies: [{ substance: 'Latex' }] });
  });

  it('refuses to merge records whose names, sex and dates of birth all differ unless confirmed', async () => {
    const priya = await register();
    const tom = await register({ givenName: 'Tom', familyName: 'Baker', sex: 'MALE', birth: { kind: 'date', date: '1950-06-01' }, phone: '' });
    const refused = await harness.fail('patients.merge', { survivorId: priya.id, mergedId: tom.id }, admin);
    expect(refused).toMatchObject({ code: 'CONFLICT', field: 'confirmedSamePerson' });
    expect(refused.message).toContain('differ in name, sex and date of birth');

    // One thing in common (the same name, written the other way round) is not "all differ".
    const swapped = await register({ givenName: 'Sharma', familyName: 'Priya', sex: 'MALE', birth: { kind: 'date', date: '1950-06-01' }, phone: '' });
    await harness.call('patients.merge', { survivorId: priya.id, mergedId: swapped.id }, admin);

    const merged = await harness.call('patients.merge', { survivorId: priya.id, mergedId: tom.id, confirmedSamePerson: true }, admin);
    expect(merged.mergedRecords.map((record) => record.id)).toContain(tom.id);
    expect(auditDetails('patients.merge').at(-1)).toMatchObject({ mergedId: tom.id, confirmedDespiteDifferences: true });
  });
});

describe('the allergy status of patients registered before it was kept', () => {
  it('is "listed" for those with allergies on file and "not recorded" for everyone else', async () => {
    const temp = makeTempDir('clinic-allergy-migration-');
    const options = { file: databaseFileIn(temp.path), migrationsDir: sourcePaths.sqliteMigrations, backupsDir: backupsDirIn(temp.path), nowMs: START_MS };
    const older = await openDatabase({ ...options, upTo: '0019_account_changed_by' });
    const sqlite = older.sqlite;
    sqlite.prepare(`insert into organizations (id, name, created_at, updated_at) values ('o1', 'Riverside', 'x', 'x')`).run();
    sqlite.prepare(`insert into clinics (id, organization_id, code, name, country, city, currency, time_zone, created_at, updated_at) values ('c1', 'o1', 'RFC01', 'Riverside', 'GB', 'Bristol', 'GBP', 'Europe/London', 'x', 'x')`).run();
    const addPatient = sqlite.prepare(`insert into patients (id, mrn, registered_clinic_id, given_name, family_name, sex, created_at, updated_at) values (?, ?, 'c1', 'A', 'B', 'FEMALE', 'x', 'x')`);
    const addAllergy = sqlite.prepare(`insert into patient_allergies (id, patient_id, substance, severity, created_at, updated_at, deleted_at) values (?, ?, 'Latex', 'MILD', 'x', 'x', ?)`);
    addPatient.run('p-listed', 'M1');
    addAllergy.run('a1', 'p-listed', null);
    addPatient.run('p-removed', 'M2');
    addAllergy.run('a2', 'p-removed', '2026-01-01T00:00:00.000Z');
    addPatient.run('p-none', 'M3');
    sqlite.close();

    const current = await openDatabase(options);
    const statuses = current.sqlite.prepare(`select id, allergy_status, allergies_stated_by from patients order by id`).all();
    current.sqlite.close();
    temp.remove();
    expect(statuses).toEqual([
      { id: 'p-listed', allergy_status: 'LISTED', allergies_stated_by: null },
      { id: 'p-none', allergy_status: 'NOT_RECORDED', allergies_stated_by: null },
      { id: 'p-removed', allergy_status: 'NOT_RECORDED', allergies_stated_by: null },
    ]);
  });
});
