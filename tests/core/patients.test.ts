import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patientInput, setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

describe('patients', () => {
  let harness: Harness;
  let admin: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
  });
  afterEach(() => harness.close());

  const register = (overrides: Record<string, unknown> = {}, token = admin) => harness.call('patients.register', { ...patientInput(overrides), notADuplicate: false }, token);
  const search = async (query: string, token = admin) => (await harness.call('patients.search', { query }, token)).results;

  it('registers a patient with a record number, allergies and conditions', async () => {
    const record = await register({
      allergies: [{ substance: 'Penicillin', reaction: 'Hives', severity: 'SEVERE' }],
      conditions: [{ name: 'Asthma', notes: 'since childhood' }],
      emergencyContactName: 'Ravi Sharma',
      emergencyContactPhone: '+44 7700 900456',
      nationalId: 'QQ123456C',
      postalCode: 'BS1 4DJ',
    });
    expect(record.mrn).toBe('RFC01-M1001');
    expect(record.allergies).toMatchObject([{ substance: 'Penicillin', severity: 'SEVERE' }]);
    expect(record.conditions).toMatchObject([{ name: 'Asthma' }]);
    expect(record.clinics.map((clinic) => clinic.code)).toEqual(['RFC01']);
    const second = await register({ givenName: 'Tom', familyName: 'Baker', phone: '', birth: { kind: 'estimatedAge', years: 40 } });
    expect(second.mrn).toBe('RFC01-M1002');
    expect(second.birthDateEstimated).toBe(true);
    expect(second.birthDate).toBe('1986-03-02');
  });

  it('warns of a possible duplicate before saving, by phone or by similar name and birth date', async () => {
    const first = await register();
    const byPhone = await harness.call('patients.findDuplicates', { givenName: 'Someone', familyName: 'Else', phone: '07700 900123' }, admin);
    expect(byPhone.candidates).toMatchObject([{ id: first.id, reasons: ['phone'] }]);
    const byName = await harness.call('patients.findDuplicates', { givenName: 'Priyah', familyName: 'Sharma', birthDate: '1988-04-12', phone: '' }, admin);
    expect(byName.candidates).toMatchObject([{ id: first.id, reasons: ['nameAndBirthDate'] }]);
    const swapped = await harness.call('patients.findDuplicates', { givenName: 'Sharma', familyName: 'Priya', birthDate: '1988-04-12', phone: '' }, admin);
    expect(swapped.candidates).toHaveLength(1);
    const different = await harness.call('patients.findDuplicates', { givenName: 'Priya', familyName: 'Sharma', birthDate: '1990-01-01', phone: '' }, admin);
    expect(different.candidates).toEqual([]);

    const refused = await harness.fail('patients.register', { ...patientInput({ givenName: 'Priya', phone: '' }), notADuplicate: false }, admin);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('RFC01-M1001');
    const confirmed = await harness.call('patients.register', { ...patientInput({ phone: '' }), notADuplicate: true }, admin);
    expect(confirmed.mrn).toBe('RFC01-M1002');
  });

  it('finds patients by any part of the name in any order, with one typo, by phone in any format and by record number', async () => {
    const priya = await register();
    const john = await register({ givenName: 'John', familyName: 'Smith', phone: '0117 496 0555', birth: { kind: 'date', date: '1970-01-01' } });
    await register({ givenName: 'Joanna', familyName: 'Smithers', phone: '', birth: { kind: 'date', date: '1975-05-05' } });

    expect((await search('shar pri')).map((hit) => hit.id)).toEqual([priya.id]);
    expect((await search('SMITH')).map((hit) => hit.givenName)).toEqual(['John', 'Joanna']);
    expect((await search('jo smi')).map((hit) => hit.givenName).sort()).toEqual(['Joanna', 'John']);
    const typo = await search('Jhon Smith');
    expect(typo[0]).toMatchObject({ id: john.id, matchedBy: 'typo' });
    expect((await search('sharmaa'))[0]?.id).toBe(priya.id);
    expect((await search('+44 117 496 0555'))[0]).toMatchObject({ id: john.id, matchedBy: 'phone' });
    expect((await search('4960555'))[0]?.id).toBe(john.id);
    expect((await search('(07700) 900-123'))[0]?.id).toBe(priya.id);
    expect((await search(john.mrn.toLowerCase()))[0]).toMatchObject({ id: john.id, matchedBy: 'mrn' });
    expect((await search('1002'))[0]?.id).toBe(john.id);
    expect(await search('zzzz')).toEqual([]);
  });

  it('shows enough to tell people apart, and audits opening a record', async () => {
    const record = await register();
    const [hit] = await search('priya');
    expect(hit).toMatchObject({ mrn: 'RFC01-M1001', sex: 'FEMALE', birthDate: '1988-04-12', phone: '+44 7700 900123', lastVisitAt: null });
    await harness.call('patients.get', { patientId: record.id }, admin);
    const reads = harness.core.database.sqlite.prepare(`select entity_id from audit_log where action = 'patients.get'`).pluck().all();
    expect(reads).toEqual([record.id]);
  });

  it('edits a patient, keeping removed allergies as history, and finds the new name', async () => {
    const record = await register({ allergies: [{ substance: 'Penicillin', reaction: '', severity: 'SEVERE' }, { substance: 'Latex', reaction: '', severity: 'MILD' }] });
    const [penicillin] = record.allergies.filter((allergy) => allergy.substance === 'Penicillin');
    const updated = await harness.call(
      'patients.update',
      { ...patientInput({ familyName: 'Sharma-Iyer', allergies: [{ id: penicillin?.id, substance: 'Penicillin', reaction: 'Anaphylaxis', severity: 'SEVERE' }] }), patientId: record.id },
      admin,
    );
    expect(updated.familyName).toBe('Sharma-Iyer');
    expect(updated.allergies).toMatchObject([{ id: penicillin?.id, reaction: 'Anaphylaxis' }]);
    const stored = harness.core.database.sqlite.prepare(`select substance, deleted_at is not null as removed from patient_allergies order by substance`).all();
    expect(stored).toEqual([{ substance: 'Latex', removed: 1 }, { substance: 'Penicillin', removed: 0 }]);
    expect((await search('iyer'))[0]?.id).toBe(record.id);
    const audit = harness.core.database.sqlite.prepare(`select detail from audit_log where action = 'patients.update'`).pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ fields: ['familyName'] });
    expect(audit).not.toContain('Sharma-Iyer');
  });

  it('merges two records of one person: the survivor keeps everything and the other points to it', async () => {
    const survivor = await register({ phone: '', allergies: [{ substance: 'Penicillin', reaction: '', severity: 'SEVERE' }] });
    const duplicate = await harness.call(
      'patients.register',
      { ...patientInput({ givenName: 'Priyah', email: 'priya@example.org', phone: '07700 900999', allergies: [{ substance: 'Latex', reaction: '', severity: 'MILD' }] }), notADuplicate: true },
      admin,
    );
    const merged = await harness.call('patients.merge', { survivorId: survivor.id, mergedId: duplicate.id }, admin);
    expect(merged.email).toBe('priya@example.org');
    expect(merged.phone).toBe('07700 900999');
    expect(merged.allergies.map((allergy) => allergy.substance)).toEqual(['Latex', 'Penicillin']);
    expect(merged.mergedRecords).toEqual([{ id: duplicate.id, mrn: duplicate.mrn }]);
    const opened = await harness.call('patients.get', { patientId: duplicate.id }, admin);
    expect(opened).toMatchObject({ id: survivor.id, redirectedFrom: duplicate.id });
    expect((await search('priyah')).map((hit) => hit.id)).toEqual([survivor.id]);
    expect((await search(duplicate.mrn)).map((hit) => hit.id)).toEqual([]);
    expect((await harness.fail('patients.merge', { survivorId: survivor.id, mergedId: duplicate.id }, admin)).code).toBe('CONFLICT');
  });

  it('shows a patient only in the clinics it is linked to, and links one by record number', async () => {
    const { seedDemo } = await import('#core/demo/seed.ts');
    const other = await startHarness();
    try {
      await seedDemo(other.core);
      const adminSession = await other.call('auth.signIn', { username: 'admin', password: 'demo-admin' });
      const [hillview, riverside] = adminSession.memberships;
      const token = adminSession.token ?? '';
      await other.call('auth.selectClinic', { clinicId: riverside?.clinicId ?? '' }, token);
      const patient = await other.call('patients.register', { ...patientInput(), notADuplicate: false }, token);
      await other.call('auth.selectClinic', { clinicId: hillview?.clinicId ?? '' }, token);
      expect((await other.call('patients.search', { query: 'priya' }, token)).results).toEqual([]);
      expect((await other.fail('patients.get', { patientId: patient.id }, token)).code).toBe('NOT_FOUND');
      const duplicates = await other.call('patients.findDuplicates', { givenName: 'Priya', familyName: 'Sharma', birthDate: '1988-04-12', phone: '' }, token);
      expect(duplicates).toEqual({ candidates: [], elsewhere: 1 });
      const linked = await other.call('patients.linkByMrn', { mrn: patient.mrn.toLowerCase(), birthDate: '1988-04-12' }, token);
      expect(linked.clinics.map((clinic) => clinic.code)).toEqual(['HVC01', 'RFC01']);
      expect((await other.call('patients.search', { query: 'priya' }, token)).results).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('rebuilds the name index from the register, leaving merged records out', async () => {
    const { rebuildPatientSearchIndex } = await import('#core/modules/patients/search/rebuild-index.ts');
    const kept = await register();
    const merged = await harness.call('patients.register', { ...patientInput({ givenName: 'Priyanka', phone: '' }), notADuplicate: true }, admin);
    await harness.call('patients.merge', { survivorId: kept.id, mergedId: merged.id }, admin);
    rebuildPatientSearchIndex(harness.core.database.sqlite);
    expect((await search('priya')).map((hit) => hit.id)).toEqual([kept.id]);
    expect(harness.core.database.sqlite.prepare('select count(*) from patient_search_keys').pluck().get()).toBe(2);
  });

  it('lets the front desk register but not the pharmacist, who may still look patients up', async () => {
    const { token } = await userWithRole(harness, admin, 'PHARMACIST', 'pharma');
    await register();
    expect((await harness.fail('patients.register', { ...patientInput(), notADuplicate: true }, token)).code).toBe('FORBIDDEN');
    expect(await search('priya', token)).toHaveLength(1);
  });
});
