import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '#shared/api/contract.ts';
import { doctorWithSchedule, patientInput, setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

const note = { subjective: 'Sore throat', objective: 'Red pharynx', assessment: 'Tonsillitis', plan: 'Antibiotic' };
const tonsillitis = { code: 'J03.9', title: 'Acute tonsillitis, unspecified', rank: 'PRIMARY', certainty: 'CONFIRMED', chronic: false } as const;
type Line = CallInput<'prescriptions.saveLine'>['line'];

describe('prescriptions with offline safety checks', () => {
  let harness: Harness;
  let admin: string;
  let doctor: { token: string; userId: string };
  let pharmacist: string;
  let staff: string;
  let patientCount = 0;
  const sqlite = () => harness.core.database.sqlite;

  beforeAll(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    doctor = await doctorWithSchedule(harness, admin, 'drrx');
    pharmacist = (await userWithRole(harness, admin, 'PHARMACIST', 'pharm')).token;
    staff = (await userWithRole(harness, admin, 'STAFF', 'desk')).token;
  });
  afterAll(() => harness.close());

  // The chain's catalogue as a pharmacist keeps it; the checks read ingredients and ATC classes from it.
  const catalogue: Readonly<Record<string, { atcCode: string; strength: number; maxDailyMg?: number }>> = {
    amoxicillin: { atcCode: 'J01CA04', strength: 500 },
    cefalexin: { atcCode: 'J01DB01', strength: 500, maxDailyMg: 4000 },
    warfarin: { atcCode: 'B01AA03', strength: 5 },
    ibuprofen: { atcCode: 'M01AE01', strength: 400, maxDailyMg: 2400 },
    simvastatin: { atcCode: 'C10AA01', strength: 40 },
    clarithromycin: { atcCode: 'J01FA09', strength: 500 },
    paracetamol: { atcCode: 'N02BE01', strength: 500, maxDailyMg: 4000 },
    amlodipine: { atcCode: 'C08CA01', strength: 5 },
    metformin: { atcCode: 'A10BA02', strength: 500 },
  };
  const productIds = new Map<string, string>();

  async function product(name: string): Promise<string> {
    const known = productIds.get(name);
    if (known !== undefined) return known;
    const facts = catalogue[name];
    if (facts === undefined) throw new Error(`no ${name} in the test catalogue`);
    const genericName = name.charAt(0).toUpperCase() + name.slice(1);
    const created = await harness.call(
      'medicines.create',
      {
        kind: 'MEDICINE',
        genericName,
        strengthText: `${String(facts.strength)} mg`,
        strength: { amount: facts.strength, unit: 'mg' },
        doseForm: 'tablet',
        route: 'ORAL',
        ingredients: [{ name, strength: `${String(facts.strength)} mg` }],
        atcCode: facts.atcCode,
        maxDailyDose: facts.maxDailyMg === undefined ? null : { amount: facts.maxDailyMg, unit: 'mg' },
      },
      pharmacist,
    );
    productIds.set(name, created.id);
    return created.id;
  }

  async function encounterOf(allergies: { substance: string; reaction: string; severity: 'MILD' | 'MODERATE' | 'SEVERE' | 'UNKNOWN' }[] = [], patientId?: string) {
    patientCount += 1;
    const id = patientId ?? (await harness.call('patients.register', { ...patientInput({ givenName: `Rx${String(patientCount)}`, familyName: 'Patient', phone: '', allergies, birth: { kind: 'date', date: `1961-02-${String(10 + patientCount)}` } }), notADuplicate: true }, admin)).id;
    const encounter = await harness.call('consultation.startUnscheduled', { patientId: id }, doctor.token);
    return { patientId: id, encounterId: encounter.id };
  }

  async function sign(encounterId: string) {
    const draft = await harness.call('consultation.saveDraft', { encounterId, ...note, diagnoses: [tonsillitis], basedOn: null }, doctor.token);
    return harness.core.dispatch({ call: 'consultation.sign', input: { encounterId, draftId: draft.id, version: draft.version }, token: doctor.token });
  }

  /** The alerts the medicines module gives for this line on this patient, as the screen would show them first. */
  async function alertsFor(patientId: string, productIds: string[]) {
    return (await harness.call('medicines.checkPrescription', { patientId, items: productIds.map((productId) => ({ productId })) }, doctor.token)).alerts;
  }

  it('computes the quantity, spells the frequency, gives an R reference, and lets a pharmacist read but not write', async () => {
    const { encounterId, patientId } = await encounterOf();
    const paracetamol = await product('paracetamol');
    const saved = await harness.call('prescriptions.saveLine', { encounterId, line: { productId: paracetamol, dose: { amount: 2, unit: 'tablets' }, frequency: 'QDS', durationDays: 5, instructions: 'After food' } }, doctor.token);
    expect(saved.prescription?.reference).toMatch(/^RFC01-R\d+$/);
    expect(saved.prescription?.lines).toMatchObject([{ productId: paracetamol, quantity: 40, frequencyWords: 'four times a day', instructions: 'After food', overrides: [] }]);
    const lineId = saved.prescription?.lines[0]?.id ?? '';
    const edited = await harness.call('prescriptions.saveLine', { encounterId, lineId, line: { productId: paracetamol, dose: { amount: 1, unit: 'tablets' }, frequency: 'PRN', durationDays: 3, quantity: 10 } }, doctor.token);
    expect(edited.prescription?.lines).toMatchObject([{ id: lineId, quantity: 10, frequency: 'PRN', frequencyWords: 'when needed, at most four times a day' }]);

    const read = await harness.call('prescriptions.ofEncounter', { encounterId }, pharmacist);
    expect(read.prescription?.lines).toHaveLength(1);
    expect((await harness.fail('prescriptions.saveLine', { encounterId, line: { productId: paracetamol, dose: { amount: 1, unit: 'tablets' }, frequency: 'OD' } }, pharmacist)).code).toBe('FORBIDDEN');
    expect((await harness.fail('prescriptions.ofEncounter', { encounterId }, staff)).code).toBe('FORBIDDEN');
    expect((await harness.fail('prescriptions.ofPatient', { patientId }, staff)).code).toBe('FORBIDDEN');
    expect((await harness.fail('prescriptions.saveLine', { encounterId, line: { productId: paracetamol, dose: { amount: 1, unit: 'tablets' }, frequency: 'EVERY HOUR' } as unknown as Line }, doctor.token)).fields?.[0]?.message).toMatch(/Choose how often/);
  });

  it('refuses a medicine the patient is allergic to without a reason, and stores and audits the override', async () => {
    const { encounterId, patientId } = await encounterOf([{ substance: 'Penicillin', reaction: 'anaphylaxis', severity: 'SEVERE' }]);
    const amoxicillin = await product('amoxicillin');
    const line: Line = { productId: amoxicillin, dose: { amount: 500, unit: 'mg' }, frequency: 'TDS', durationDays: 7, quantity: 21 };
    const refused = await harness.fail('prescriptions.saveLine', { encounterId, line }, doctor.token);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/Give a reason/);
    expect(sqlite().prepare('select count(*) from prescription_draft_lines where patient_id = ?').pluck().get(patientId)).toBe(0);

    const [allergy] = (await alertsFor(patientId, [amoxicillin])).filter((alert) => alert.needsOverride);
    if (allergy === undefined) throw new Error('no allergy alert');
    expect(allergy.kind).toBe('ALLERGY');
    const tooShort = await harness.fail('prescriptions.saveLine', { encounterId, line, overrides: [{ alertId: allergy.id, reason: 'ok' }] }, doctor.token);
    expect(tooShort.code).toBe('VALIDATION');

    const reason = 'Tolerated amoxicillin in hospital last year';
    const saved = await harness.call('prescriptions.saveLine', { encounterId, line, overrides: [{ alertId: allergy.id, reason }] }, doctor.token);
    expect(saved.prescription?.lines[0]?.overrides).toMatchObject([{ alertId: allergy.id, kind: 'ALLERGY', reason, userId: doctor.userId }]);
    expect(saved.alerts.some((alert) => alert.id === allergy.id)).toBe(true);
    const audit = sqlite().prepare(`select detail from audit_log where action = 'prescriptions.saveLine' and outcome = 'SUCCESS' and entity_id = ? order by rowid desc`).pluck().get(saved.prescription?.id) as string;
    expect(JSON.parse(audit)).toMatchObject({ overrideReasons: [reason], overriddenAlerts: [expect.stringContaining(allergy.id)] });

    // The override stays with the line: signing goes ahead, and the signed line keeps it.
    const signed = await sign(encounterId);
    expect(signed.ok).toBe(true);
    const after = await harness.call('prescriptions.ofEncounter', { encounterId }, doctor.token);
    expect(after.prescription).toMatchObject({ status: 'SIGNED', lines: [{ overrides: [{ reason }] }] });
  });

  it('checks lines before they are saved, writing nothing, and asks an edited line for no reason it already has', async () => {
    const { encounterId, patientId } = await encounterOf([{ substance: 'Penicillin', reaction: 'anaphylaxis', severity: 'SEVERE' }]);
    const amoxicillin = await product('amoxicillin');
    const line: Line = { productId: amoxicillin, dose: { amount: 500, unit: 'mg' }, frequency: 'TDS', durationDays: 7 };
    const checked = await harness.call('prescriptions.check', { encounterId, lines: [line] }, doctor.token);
    const [allergy] = checked.alerts;
    expect(allergy).toMatchObject({ kind: 'ALLERGY', severity: 'CONTRAINDICATED', productId: amoxicillin, needsOverride: true });
    expect(checked.needReason).toEqual([allergy?.id]);
    // The same finding as the medicines module's own check, so the reason given attaches to it.
    expect((await alertsFor(patientId, [amoxicillin])).map((alert) => alert.id)).toContain(allergy?.id);
    expect(sqlite().prepare('select count(*) from prescriptions where patient_id = ?').pluck().get(patientId)).toBe(0);
    expect(sqlite().prepare(`select count(*) from audit_log where action = 'prescriptions.check' and outcome = 'SUCCESS'`).pluck().get()).toBeGreaterThan(0);
    expect((await harness.fail('prescriptions.check', { encounterId, lines: [line] }, pharmacist)).code).toBe('FORBIDDEN');

    const saved = await harness.call('prescriptions.saveLine', { encounterId, line, overrides: [{ alertId: allergy?.id ?? '', reason: 'Tolerated it last winter' }] }, doctor.token);
    const lineId = saved.prescription?.lines[0]?.id ?? '';
    const longer = { ...line, durationDays: 10 };
    expect((await harness.call('prescriptions.check', { encounterId, lineId, lines: [longer] }, doctor.token)).needReason).toEqual([]);
    const edited = await harness.call('prescriptions.saveLine', { encounterId, lineId, line: longer }, doctor.token);
    expect(edited.prescription?.lines[0]?.overrides.map((override) => override.reason)).toEqual(['Tolerated it last winter']);
    // A second line of the same medicine is a new finding of the allergy on the draft: already reasoned.
    expect((await harness.call('prescriptions.check', { encounterId, lines: [line] }, doctor.token)).alerts.map((alert) => alert.kind)).toContain('DUPLICATE');
  });

  it('warns of a cross-allergy, an interaction with a current medicine and with the rest of the prescription, and a dose above the maximum', async () => {
    const { encounterId, patientId } = await encounterOf([{ substance: 'Penicillin', reaction: 'rash', severity: 'SEVERE' }]);
    const warfarin = await product('warfarin');
    await harness.call('prescriptions.saveLine', { encounterId, line: { productId: warfarin, dose: { amount: 5, unit: 'mg' }, frequency: 'NOCTE' } }, doctor.token);
    expect((await sign(encounterId)).ok).toBe(true);

    // Warfarin, with no duration, is a current medicine at the next visit.
    const next = await encounterOf([], patientId);
    const ibuprofen = await product('ibuprofen');
    const interaction = await harness.fail('prescriptions.saveLine', { encounterId: next.encounterId, line: { productId: ibuprofen, dose: { amount: 400, unit: 'mg' }, frequency: 'TDS', durationDays: 5 } }, doctor.token);
    expect(interaction.code).toBe('CONFLICT');
    expect(interaction.message).toMatch(/warfarin|bleeding/i);

    const cefalexin = await product('cefalexin');
    const cross = (await alertsFor(patientId, [cefalexin])).find((alert) => alert.kind === 'CROSS_SENSITIVITY');
    expect(cross?.needsOverride).toBe(true);
    expect((await harness.fail('prescriptions.saveLine', { encounterId: next.encounterId, line: { productId: cefalexin, dose: { amount: 500, unit: 'mg' }, frequency: 'QDS', durationDays: 5 } }, doctor.token)).code).toBe('CONFLICT');

    // Two medicines of the same prescription that interact: the second is refused, then overridden.
    const clarithromycin = await product('clarithromycin');
    const simvastatin = await product('simvastatin');
    await harness.call('prescriptions.saveLine', { encounterId: next.encounterId, line: { productId: simvastatin, dose: { amount: 40, unit: 'mg' }, frequency: 'NOCTE', durationDays: 28 } }, doctor.token);
    const severe = (await harness.call('medicines.checkPrescription', { patientId, currentProductIds: [warfarin], items: [{ productId: simvastatin }, { productId: clarithromycin }] }, doctor.token)).alerts.filter((alert) => alert.needsOverride && (alert.productId === clarithromycin || alert.otherProductId === clarithromycin));
    // Clarithromycin meets both the simvastatin of this prescription and the warfarin the patient takes.
    expect(severe).toHaveLength(2);
    expect(severe.some((alert) => [alert.productId, alert.otherProductId].includes(simvastatin))).toBe(true);
    expect(severe.some((alert) => [alert.productId, alert.otherProductId].includes(warfarin))).toBe(true);
    const claritLine: Line = { productId: clarithromycin, dose: { amount: 500, unit: 'mg' }, frequency: 'BD', durationDays: 7 };
    expect((await harness.fail('prescriptions.saveLine', { encounterId: next.encounterId, line: claritLine }, doctor.token)).code).toBe('CONFLICT');
    const withReason = await harness.call('prescriptions.saveLine', { encounterId: next.encounterId, line: claritLine, overrides: severe.map((alert) => ({ alertId: alert.id, reason: 'Statin paused, INR checked in 3 days' })) }, doctor.token);
    expect(withReason.prescription?.lines.map((line) => line.productId)).toEqual([simvastatin, clarithromycin]);

    // Paracetamol above its maximum daily dose.
    const paracetamol = await product('paracetamol');
    const dose = await harness.call('medicines.checkPrescription', { patientId, items: [{ productId: paracetamol, dose: { amount: 2000, unit: 'mg' }, timesPerDay: 4 }] }, doctor.token);
    expect(dose.alerts.map((alert) => alert.kind)).toContain('DOSE');
    const tooMuch = await harness.fail('prescriptions.saveLine', { encounterId: next.encounterId, line: { productId: paracetamol, dose: { amount: 2000, unit: 'mg' }, frequency: 'QDS', durationDays: 3 } }, doctor.token);
    expect(tooMuch.code).toBe('CONFLICT');
  });

  it('signs the prescription with the encounter and refuses every change after; repeats it in one action', async () => {
    const { encounterId, patientId } = await encounterOf();
    const amlodipine = await product('amlodipine');
    const metformin = await product('metformin');
    await harness.call('prescriptions.saveLine', { encounterId, line: { productId: amlodipine, dose: { amount: 5, unit: 'mg' }, frequency: 'OD', durationDays: 30, refills: 2 } }, doctor.token);
    const twice = await harness.call('prescriptions.saveLine', { encounterId, line: { productId: metformin, dose: { amount: 500, unit: 'mg' }, frequency: 'BD', durationDays: 30 } }, doctor.token);
    const removed = await harness.call('prescriptions.removeLine', { encounterId, lineId: twice.prescription?.lines[1]?.id ?? '' }, doctor.token);
    expect(removed.prescription?.lines.map((line) => line.productId)).toEqual([amlodipine]);
    await harness.call('prescriptions.saveLine', { encounterId, line: { productId: metformin, dose: { amount: 500, unit: 'mg' }, frequency: 'BD', durationDays: 30 } }, doctor.token);
    expect((await sign(encounterId)).ok).toBe(true);

    const signedRows = sqlite().prepare('select count(*) from prescription_lines where patient_id = ?').pluck().get(patientId);
    expect(signedRows).toBe(2);
    const refused = await harness.fail('prescriptions.saveLine', { encounterId, line: { productId: amlodipine, dose: { amount: 10, unit: 'mg' }, frequency: 'OD' } }, doctor.token);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/signed/);
    const signedLine = (await harness.call('prescriptions.ofEncounter', { encounterId }, doctor.token)).prescription?.lines[0]?.id ?? '';
    expect((await harness.fail('prescriptions.removeLine', { encounterId, lineId: signedLine }, doctor.token)).code).toBe('CONFLICT');

    const history = await harness.call('prescriptions.ofPatient', { patientId }, pharmacist);
    const [earlier] = history.prescriptions;
    expect(earlier?.lines.map((line) => [line.productId, line.refills])).toEqual([
      [amlodipine, 2],
      [metformin, 0],
    ]);
    const next = await encounterOf([], patientId);
    // Repeating the same medicines duplicates the current ones: the checks still run on a repeat.
    const alerts = (await harness.call('medicines.checkPrescription', { patientId, currentProductIds: [amlodipine, metformin], items: [{ productId: amlodipine }, { productId: metformin }] }, doctor.token)).alerts.filter((alert) => alert.needsOverride);
    const repeated = await harness.call('prescriptions.repeat', { encounterId: next.encounterId, prescriptionId: earlier?.id ?? '', overrides: alerts.map((alert) => ({ alertId: alert.id, reason: 'Repeat of the usual medicines' })) }, doctor.token);
    expect(repeated.prescription?.lines.map((line) => [line.productId, line.quantity, line.refills])).toEqual(earlier?.lines.map((line) => [line.productId, line.quantity, line.refills]));
    expect(repeated.prescription?.reference).not.toBe(earlier?.reference);
  });

  it('prints an A5 and an A4 PDF with the clinic, doctor, patient, medicines in words and the reference', async () => {
    const { encounterId, patientId } = await encounterOf();
    const paracetamol = await product('paracetamol');
    const saved = await harness.call('prescriptions.saveLine', { encounterId, line: { productId: paracetamol, dose: { amount: 2, unit: 'tablets' }, frequency: 'QDS', durationDays: 5, instructions: 'Not more than 8 in 24 hours' } }, doctor.token);
    expect((await sign(encounterId)).ok).toBe(true);
    const reference = saved.prescription?.reference ?? '';
    const record = await harness.call('patients.get', { patientId }, admin);
    for (const pageSize of ['A5', 'A4'] as const) {
      const printed = await harness.call('prescriptions.print', { encounterId, pageSize }, pharmacist);
      expect(printed).toMatchObject({ reference, fileName: `prescription-${reference}.pdf` });
      const raw = Buffer.from(printed.pdfBase64, 'base64').toString('latin1');
      expect(raw.startsWith('%PDF-')).toBe(true);
      expect(raw).toContain(pageSize === 'A5' ? '419.53' : '595.28');
      // The page's text, as its text operators write it (hex strings of the standard font).
      const text = [...raw.matchAll(/<([0-9a-f]+)>/g)].map((match) => Buffer.from(match[1] ?? '', 'hex').toString('latin1')).join('');
      for (const shown of [reference, record.mrn, 'Take 2 tablets by mouth, four times a day for 5 days.', 'Not more than 8 in 24 hours', 'GMC-drrx', 'Supply: 40']) expect(text.replace(/\s+/g, ' ')).toContain(shown);
    }
    expect(harness.core.database.sqlite.prepare(`select count(*) from audit_log where action = 'prescriptions.print' and outcome = 'SUCCESS'`).pluck().get()).toBe(2);
    expect((await harness.fail('prescriptions.print', { encounterId }, staff)).code).toBe('FORBIDDEN');
  });

  it('refuses to sign when a severe alert appeared after the line was written', async () => {
    const { encounterId, patientId } = await encounterOf();
    const amoxicillin = await product('amoxicillin');
    await harness.call('prescriptions.saveLine', { encounterId, line: { productId: amoxicillin, dose: { amount: 500, unit: 'mg' }, frequency: 'TDS', durationDays: 5 } }, doctor.token);
    const count = patientCount;
    await harness.call('patients.update', { ...patientInput({ givenName: `Rx${String(count)}`, familyName: 'Patient', phone: '', birth: { kind: 'date', date: `1961-02-${String(10 + count)}` } }), patientId, allergies: [{ substance: 'Penicillin', reaction: 'rash', severity: 'SEVERE' }] }, admin);
    const refused = await sign(encounterId);
    expect(refused.ok ? '' : refused.error.message).toMatch(/before signing/);
    expect(sqlite().prepare(`select status from encounters where id = ?`).pluck().get(encounterId)).toBe('OPEN');
    expect(sqlite().prepare('select count(*) from prescription_lines where patient_id = ?').pluck().get(patientId)).toBe(0);
  });
});
