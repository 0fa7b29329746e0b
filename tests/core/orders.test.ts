import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorWithSchedule, patientInput, setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

const note = { subjective: 'Tired for weeks', objective: 'Pale', assessment: 'Anaemia?', plan: 'Blood count, chest film' };

describe('lab and imaging orders and their results', () => {
  let harness: Harness;
  let admin: string;
  let doctor: { token: string; userId: string };
  let staff: string;
  let patients = 0;
  const sqlite = () => harness.core.database.sqlite;

  beforeAll(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    doctor = await doctorWithSchedule(harness, admin, 'drlab');
    staff = (await userWithRole(harness, admin, 'STAFF', 'desk')).token;
  });
  afterAll(() => harness.close());

  async function encounter(sex: 'FEMALE' | 'MALE' = 'FEMALE') {
    patients += 1;
    const patientId = (await harness.call('patients.register', { ...patientInput({ givenName: `Lab${String(patients)}`, familyName: 'Patient', sex, phone: '', birth: { kind: 'date', date: `1970-05-${String(10 + patients)}` } }), notADuplicate: true }, admin)).id;
    const opened = await harness.call('consultation.startUnscheduled', { patientId }, doctor.token);
    return { patientId, encounterId: opened.id };
  }

  const audits = (action: string, entityId: string) => sqlite().prepare(`select count(*) from audit_log where action = ? and entity_id = ? and outcome = 'SUCCESS'`).pluck().get(action, entityId) as number;

  it('orders tests in an encounter with a copy of the catalogue’s name, LOINC and price, audited', async () => {
    const { encounterId } = await encounter();
    const placed = await harness.call('orders.place', { encounterId, testCodes: ['CBC', 'XR-CHEST-2V'], urgency: 'URGENT', clinicalNote: 'Pale, short of breath' }, doctor.token);
    expect(placed.orders.map((order) => [order.testCode, order.kind, order.loinc, order.status, order.urgency])).toEqual([
      ['CBC', 'LAB', '58410-2', 'ORDERED', 'URGENT'],
      ['XR-CHEST-2V', 'IMAGING', '36643-5', 'ORDERED', 'URGENT'],
    ]);
    expect(placed.orders[0]?.orderedByName).not.toBe('');
    expect(audits('orders.place', encounterId)).toBe(1);
    expect((await harness.fail('orders.place', { encounterId, testCodes: ['NOPE'] }, doctor.token)).message).toBe('NOPE is not in the catalogue of tests.');
    const read = await harness.call('orders.ofEncounter', { encounterId }, staff);
    expect(read.orders).toHaveLength(2);
    expect(audits('orders.ofEncounter', encounterId)).toBe(1);
  });

  it('flags results from the range for the patient’s sex, keeps a flag set by hand, and walks the states', async () => {
    const { encounterId, patientId } = await encounter('FEMALE');
    const [cbc, xray] = (await harness.call('orders.place', { encounterId, testCodes: ['CBC', 'XR-CHEST-2V'] }, doctor.token)).orders;
    if (cbc === undefined || xray === undefined) throw new Error('orders missing');
    expect((await harness.call('orders.markCollected', { orderId: cbc.id }, staff)).status).toBe('COLLECTED');
    expect((await harness.fail('orders.markCollected', { orderId: cbc.id }, staff)).message).toBe('This order is past collection already.');
    const resulted = await harness.call(
      'orders.recordResults',
      { orderId: cbc.id, results: [{ componentCode: 'HGB', value: '10.2', unit: '' }, { componentCode: 'WBC', value: '7.5', unit: '10^9/L' }, { componentCode: 'PLT', value: '140', unit: '', rangeLow: '100', rangeHigh: '450' }, { componentCode: 'MCV', value: '92', unit: '', flag: 'ABNORMAL' }] },
      staff,
    );
    expect(resulted.status).toBe('RESULTED');
    const byCode = new Map(resulted.results.map((result) => [result.componentCode, result]));
    expect(byCode.get('HGB')).toMatchObject({ value: '10.2', unit: 'g/dL', rangeLow: '12.0', rangeHigh: '15.5', flag: 'LOW', flaggedByHand: false, documentId: null });
    expect(byCode.get('WBC')).toMatchObject({ flag: 'NORMAL' });
    expect(byCode.get('PLT')).toMatchObject({ rangeLow: '100', rangeHigh: '450', flag: 'NORMAL' });
    expect(byCode.get('MCV')).toMatchObject({ flag: 'ABNORMAL', flaggedByHand: true });
    // No value ever reaches the audit: which order and which items only.
    const detail = sqlite().prepare(`select detail from audit_log where action = 'orders.recordResults' and entity_id = ?`).pluck().get(cbc.id) as string;
    expect(JSON.parse(detail)).toMatchObject({ patientId, testCode: 'CBC', items: ['HGB', 'WBC', 'PLT', 'MCV'] });
    expect(detail).not.toContain('10.2');

    // A correction overwrites its item; the order stays resulted and cannot be cancelled.
    const corrected = await harness.call('orders.recordResults', { orderId: cbc.id, results: [{ componentCode: 'HGB', value: '10.8', unit: 'g/dL' }] }, doctor.token);
    expect(corrected.results.filter((result) => result.componentCode === 'HGB').map((result) => result.value)).toEqual(['10.8']);
    expect((await harness.fail('orders.cancel', { orderId: cbc.id, reason: 'Too late' }, doctor.token)).message).toBe('A resulted order cannot be cancelled.');
    expect((await harness.fail('orders.recordResults', { orderId: cbc.id, results: [{ componentCode: 'NOPE', value: '1', unit: '' }] }, doctor.token)).message).toBe('NOPE is not an item of Complete blood count.');

    // A study's report is flagged by whoever reads it; a cancelled order takes no result.
    const reported = await harness.call('orders.recordResults', { orderId: xray.id, results: [{ componentCode: 'XR-CHEST-2V-IMP', value: 'Right lower lobe consolidation', unit: '', flag: 'ABNORMAL' }] }, doctor.token);
    expect(reported.results[0]).toMatchObject({ flag: 'ABNORMAL' });
    const [spare] = (await harness.call('orders.place', { encounterId, testCodes: ['TSH'] }, doctor.token)).orders.filter((order) => order.testCode === 'TSH');
    if (spare === undefined) throw new Error('TSH missing');
    expect((await harness.call('orders.cancel', { orderId: spare.id, reason: 'Done last week elsewhere' }, doctor.token)).status).toBe('CANCELLED');
    expect((await harness.fail('orders.recordResults', { orderId: spare.id, results: [{ componentCode: 'TSH', value: '2', unit: '' }] }, staff)).message).toBe('This order is cancelled.');

    // The clinic's worklist holds what still waits, the most urgent first, and no longer these.
    const waiting = (await harness.call('orders.place', { encounterId, testCodes: ['HBA1C'], urgency: 'STAT' }, doctor.token)).orders.find((order) => order.testCode === 'HBA1C');
    const worklist = await harness.call('orders.worklist', {}, staff);
    expect(worklist.orders[0]).toMatchObject({ order: { id: waiting?.id, urgency: 'STAT' }, patient: { id: patientId, sex: 'FEMALE' } });
    expect(worklist.orders.map((open) => open.order.id)).not.toContain(cbc.id);
    expect(worklist.orders.map((open) => open.order.id)).not.toContain(spare.id);

    const chart = await harness.call('orders.resultsOfPatient', { patientId }, doctor.token);
    expect(chart.results.map((result) => [result.testCode, result.componentCode, result.value, result.flag])).toContainEqual(['CBC', 'HGB', '10.8', 'LOW']);
    expect(chart.results).toHaveLength(5);
    expect(audits('orders.resultsOfPatient', patientId)).toBe(1);
  });

  it('bills the encounter’s orders on completion, but not the cancelled ones', async () => {
    const { encounterId } = await encounter('MALE');
    const placed = await harness.call('orders.place', { encounterId, testCodes: ['CBC', 'XR-CHEST-2V', 'LIPID'] }, doctor.token);
    const lipid = placed.orders.find((order) => order.testCode === 'LIPID');
    if (lipid === undefined) throw new Error('lipid missing');
    await harness.call('orders.cancel', { orderId: lipid.id, reason: '' }, doctor.token);
    const draft = await harness.call('consultation.saveDraft', { encounterId, ...note, diagnoses: [], basedOn: null }, doctor.token);
    await harness.call('consultation.sign', { encounterId, draftId: draft.id, version: draft.version }, doctor.token);
    await harness.call('consultation.complete', { encounterId, items: [] }, doctor.token);
    const detail = await harness.call('consultation.get', { encounterId }, doctor.token);
    expect(detail.billableItems.map((item) => [item.code, item.description, item.unitPriceMinor])).toEqual([
      ['CONS-NEW', 'Consultation, new patient', 50_00],
      ['LAB-CBC', 'Complete blood count', 12_00],
      ['IMG-XR-CHEST-2V', 'Chest X-ray, PA and lateral', 30_00],
    ]);
    expect((await harness.fail('orders.place', { encounterId, testCodes: ['TSH'] }, doctor.token)).message).toBe('This encounter is completed; order in a new one.');
  });
});
