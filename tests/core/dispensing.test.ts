import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorWithSchedule, patientInput, setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';
import { medicine, signedPrescription } from '#tests/support/dispensing-fixtures.ts';
import { openReceipt } from '#tests/support/stock-fixtures.ts';

// The harness clinic's today is 2026-03-02. No product has a pack size, so a pack is one unit.
const AMOXICILLIN_GTIN = '09506000134352';
const PARACETAMOL_GTIN = '05012345678900';
const MORPHINE_GTIN = '04006381333931';

describe('dispensing prescriptions and the controlled drugs register', () => {
  let harness: Harness;
  let admin: string;
  let doctor: string;
  let pharmacist: string;
  let staff: string;
  let receiptId: string;
  let amoxicillin: string;
  let paracetamol: string;
  let morphine: string;
  let patientCount = 0;

  const sqlite = () => harness.core.database.sqlite;
  const count = (table: string, where = '1 = 1', ...args: unknown[]) => sqlite().prepare(`select count(*) from ${table} where ${where}`).pluck().get(...args) as number;
  const onHand = (batchId: string) => sqlite().prepare(`select coalesce(sum(quantity), 0) from stock_movements where batch_id = ?`).pluck().get(batchId) as number;

  async function receive(productId: string, lot: string, expiryDate: string, quantity: number): Promise<string> {
    const receipt = await harness.call('stock.receipts.receiveLine', { receiptId, productId, lot, expiryDate, quantity, costPriceMinor: 200 }, admin);
    return receipt.lines.find((line) => line.lot === lot)?.batchId ?? '';
  }

  async function patient(allergies: { substance: string; reaction: string; severity: 'SEVERE' }[] = []): Promise<string> {
    patientCount += 1;
    const registered = await harness.call('patients.register', { ...patientInput({ givenName: `Dx${String(patientCount)}`, familyName: 'Counter', phone: '', allergies, birth: { kind: 'date', date: `1970-05-${String(10 + patientCount)}` } }), notADuplicate: true }, admin);
    return registered.id;
  }

  beforeAll(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    doctor = (await doctorWithSchedule(harness, admin, 'drdisp')).token;
    pharmacist = (await userWithRole(harness, admin, 'PHARMACIST', 'disp')).token;
    staff = (await userWithRole(harness, admin, 'STAFF', 'desk')).token;
    ({ receiptId } = await openReceipt(harness, admin));
    amoxicillin = await medicine(harness, admin, { name: 'amoxicillin', atcCode: 'J01CA04', gtin: AMOXICILLIN_GTIN, priceMinor: 450 });
    paracetamol = await medicine(harness, admin, { name: 'paracetamol', atcCode: 'N02BE01', gtin: PARACETAMOL_GTIN, priceMinor: 120 });
    morphine = await medicine(harness, admin, { name: 'morphine', atcCode: 'N02AA01', gtin: MORPHINE_GTIN, controlled: true, priceMinor: 900 });
  });
  afterAll(() => harness.close());

  it('finds a signed prescription by its reference with the banner, what remains and the batch first expiry first, and audits the read', async () => {
    const later = await receive(amoxicillin, 'AMX-LATE', '2028-01-31', 10);
    const sooner = await receive(amoxicillin, 'AMX-SOON', '2027-01-31', 2);
    const patientId = await patient([{ substance: 'Codeine', reaction: 'Rash', severity: 'SEVERE' }]);
    const signed = await signedPrescription(harness, doctor, patientId, [{ productId: amoxicillin, quantity: 3 }]);
    const found = await harness.call('dispensing.find', { reference: ` ${signed.reference.toLowerCase()} ` }, pharmacist);
    expect(found).toMatchObject({ prescriptionId: signed.prescriptionId, reference: signed.reference, complete: false, patient: { id: patientId, fullName: `Dx${String(patientCount)} Counter`, birthDate: `1970-05-${String(10 + patientCount)}`, allergies: [{ substance: 'Codeine' }] } });
    expect(found.patient.mrn).toMatch(/^RFC01-M/);
    expect(found.lines).toMatchObject([{ productId: amoxicillin, prescribed: 3, dispensed: 0, remaining: 3, shortBy: 0, unitPriceMinor: 450, controlled: false, directions: 'Take 1 tablets by mouth, once a day for 5 days.' }]);
    expect(found.lines[0]?.picks).toEqual([{ batchId: sooner, lot: 'AMX-SOON', expiryDate: '2027-01-31', quantity: 2 }, { batchId: later, lot: 'AMX-LATE', expiryDate: '2028-01-31', quantity: 1 }]);
    expect(count('audit_log', `action = 'dispensing.find' and outcome = 'SUCCESS' and entity_id = ?`, signed.prescriptionId)).toBe(1);
    expect((await harness.fail('dispensing.find', { reference: 'RFC01-R999999' }, pharmacist)).code).toBe('NOT_FOUND');
  });

  it('stops a prescription of another patient than the one at the counter, on reading and on dispensing', async () => {
    const patientId = await patient();
    const someoneElse = await patient();
    const signed = await signedPrescription(harness, doctor, patientId, [{ productId: amoxicillin, quantity: 1 }]);
    const read = await harness.fail('dispensing.find', { reference: signed.reference, counterPatientId: someoneElse }, pharmacist);
    expect(read.code).toBe('CONFLICT');
    expect(read.message).toMatch(/another patient than the one at the counter/);
    const lineId = signed.lineIds[0] ?? '';
    const dispense = await harness.fail('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: someoneElse, lines: [{ prescriptionLineId: lineId, quantity: 1 }] }, pharmacist);
    expect(dispense.code).toBe('CONFLICT');
    expect(count('dispenses', 'prescription_id = ?', signed.prescriptionId)).toBe(0);
    expect((await harness.call('dispensing.find', { reference: signed.reference, counterPatientId: patientId }, pharmacist)).patient.id).toBe(patientId);
  });

  it('stops a scanned pack of a medicine that is not on the prescription and matches one that is', async () => {
    await receive(paracetamol, 'PCM-1', '2027-06-30', 5);
    const patientId = await patient();
    const signed = await signedPrescription(harness, doctor, patientId, [{ productId: amoxicillin, quantity: 2 }]);
    const wrong = await harness.call('dispensing.scanPack', { prescriptionId: signed.prescriptionId, code: PARACETAMOL_GTIN }, pharmacist);
    expect(wrong).toMatchObject({ outcome: 'wrong-medicine' });
    if (wrong.outcome !== 'wrong-medicine') throw new Error('not stopped');
    expect(wrong.message).toMatch(/^Paracetamol 10 mg tablet is not on this prescription/);
    const right = await harness.call('dispensing.scanPack', { prescriptionId: signed.prescriptionId, code: `]d201${AMOXICILLIN_GTIN}17280131` + '10AMX-LATE' }, pharmacist);
    expect(right).toMatchObject({ outcome: 'match', lineId: signed.lineIds[0], lot: 'AMX-LATE' });
    expect(await harness.call('dispensing.scanPack', { prescriptionId: signed.prescriptionId, code: '4006381333900' }, pharmacist)).toMatchObject({ outcome: 'unknown' });
    // The core refuses a line that is not the prescription's, whatever the screen sent.
    const refused = await harness.fail('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines: [{ prescriptionLineId: patientId, quantity: 1 }] }, pharmacist);
    expect(refused.code).toBe('VALIDATION');
  });

  it('dispenses part of a line with its stock movements, leaves the rest open and refuses more than prescribed', async () => {
    const batchId = await receive(amoxicillin, 'AMX-PART', '2026-12-31', 6);
    const patientId = await patient();
    const signed = await signedPrescription(harness, doctor, patientId, [{ productId: amoxicillin, quantity: 3 }]);
    const lineId = signed.lineIds[0] ?? '';
    const first = await harness.call('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines: [{ prescriptionLineId: lineId, quantity: 1, batchId }] }, pharmacist);
    expect(first.prescription.lines[0]).toMatchObject({ prescribed: 3, dispensed: 1, remaining: 2 });
    expect(first.prescription.complete).toBe(false);
    expect(first.prescription.dispenses).toMatchObject([{ lines: [{ lot: 'AMX-PART', quantity: 1 }] }]);
    expect(onHand(batchId)).toBe(5);
    expect(count('stock_movements', `document_id = ? and kind = 'DISPENSE' and quantity = -1`, first.dispenseId)).toBe(1);
    expect(count('dispense_lines', 'dispense_id = ? and unit_price_minor = 450', first.dispenseId)).toBe(1);
    expect(count('controlled_register', 'document_id = ?', first.dispenseId)).toBe(0);
    expect(count('audit_log', `action = 'dispensing.dispense' and outcome = 'SUCCESS' and entity_id = ?`, signed.prescriptionId)).toBe(1);

    const over = await harness.fail('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines: [{ prescriptionLineId: lineId, quantity: 3 }] }, pharmacist);
    expect(over.code).toBe('CONFLICT');
    expect(over.message).toMatch(/Only 2 packs .* remain/);
    const splitOver = await harness.fail('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines: [{ prescriptionLineId: lineId, quantity: 1 }, { prescriptionLineId: lineId, quantity: 2 }] }, pharmacist);
    expect(splitOver.code).toBe('CONFLICT');
    expect(onHand(batchId)).toBe(5);

    const rest = await harness.call('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines: [{ prescriptionLineId: lineId, quantity: 2 }] }, pharmacist);
    expect(rest.prescription).toMatchObject({ complete: true, lines: [{ dispensed: 3, remaining: 0, picks: [] }] });
    expect((await harness.fail('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines: [{ prescriptionLineId: lineId, quantity: 1 }] }, pharmacist)).message).toMatch(/dispensed in full/);
    expect((await harness.call('dispensing.ofPatient', { patientId }, pharmacist)).prescriptions).toMatchObject([{ reference: signed.reference, complete: true }]);
  });

  it('counts refills as more supplies, and refuses an expired batch without a reason', async () => {
    const expired = await receive(amoxicillin, 'AMX-OLD', '2026-01-31', 4);
    const patientId = await patient();
    const signed = await signedPrescription(harness, doctor, patientId, [{ productId: amoxicillin, quantity: 2, refills: 1 }]);
    const found = await harness.call('dispensing.find', { reference: signed.reference }, pharmacist);
    expect(found.lines[0]).toMatchObject({ prescribed: 4, remaining: 4 });
    expect(found.lines[0]?.batches.find((batch) => batch.batchId === expired)).toMatchObject({ expired: true });
    const lineId = signed.lineIds[0] ?? '';
    const refused = await harness.fail('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines: [{ prescriptionLineId: lineId, quantity: 1, batchId: expired }] }, pharmacist);
    expect(refused.message).toMatch(/expired/);
    const given = await harness.call('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines: [{ prescriptionLineId: lineId, quantity: 1, batchId: expired, expiredOverrideReason: 'Only stock, patient informed' }] }, pharmacist);
    expect(count('stock_movements', `document_id = ? and reason like '%Only stock, patient informed%'`, given.dispenseId)).toBe(1);
  });

  it('asks the pharmacist for a reason for a severe alert that arose after signing, and keeps and audits it', async () => {
    await receive(amoxicillin, 'AMX-ALG', '2027-03-31', 3);
    const patientId = await patient();
    const signed = await signedPrescription(harness, doctor, patientId, [{ productId: amoxicillin, quantity: 1 }]);
    await harness.call('patients.update', { ...patientInput({ givenName: `Dx${String(patientCount)}`, familyName: 'Counter', phone: '', birth: { kind: 'date', date: `1970-05-${String(10 + patientCount)}` }, allergyStatus: 'LISTED', allergies: [{ substance: 'Penicillin', reaction: 'Anaphylaxis', severity: 'SEVERE' }] }), patientId }, admin);
    const found = await harness.call('dispensing.find', { reference: signed.reference }, pharmacist);
    const alert = found.alerts.find((candidate) => candidate.needsOverride);
    expect(alert?.kind).toBe('ALLERGY');
    const lines = [{ prescriptionLineId: signed.lineIds[0] ?? '', quantity: 1 }];
    const refused = await harness.fail('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines }, pharmacist);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/Give a reason/);
    const reason = 'Doctor called: tolerated amoxicillin before';
    const given = await harness.call('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines, overrides: [{ alertId: alert?.id ?? '', reason }] }, pharmacist);
    const stored = sqlite().prepare('select overrides_json from dispenses where id = ?').pluck().get(given.dispenseId) as string;
    expect(JSON.parse(stored)).toMatchObject([{ alertId: alert?.id, kind: 'ALLERGY', reason }]);
    const audit = sqlite().prepare(`select detail from audit_log where action = 'dispensing.dispense' and outcome = 'SUCCESS' and entity_id = ?`).pluck().get(signed.prescriptionId) as string;
    expect(audit).toContain(reason);
  });

  it('writes the controlled register for a dispense and for a sale of a controlled medicine, in their own transactions', async () => {
    const batchId = await receive(morphine, 'MOR-1', '2027-08-31', 10);
    const patientId = await patient();
    const signed = await signedPrescription(harness, doctor, patientId, [{ productId: morphine, quantity: 2 }]);
    const given = await harness.call('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines: [{ prescriptionLineId: signed.lineIds[0] ?? '', quantity: 2 }] }, pharmacist);
    expect(count('controlled_register', `document_id = ? and kind = 'DISPENSE' and quantity = 2 and patient_id = ? and prescription_id = ? and batch_id = ?`, given.dispenseId, patientId, signed.prescriptionId, batchId)).toBe(1);

    const sale = await harness.call('sales.commit', { lines: [{ productId: morphine, quantity: 1 }], payments: [{ method: 'cash', amountMinor: 900 }] }, pharmacist);
    expect(count('controlled_register', `document_id = ? and kind = 'SALE' and quantity = 1 and patient_id is null`, sale.id)).toBe(1);
    const line = sale.lines[0];
    const returned = await harness.call('sales.return', { saleId: sale.id, lines: [{ saleLineId: line?.id ?? '', quantity: 1 }], refundMethod: 'cash', reason: 'Not needed' }, pharmacist);
    expect(count('controlled_register', `document_id = ? and kind = 'RETURN' and quantity = -1`, returned.id)).toBe(1);
    // A sale of an uncontrolled medicine writes nothing to the register.
    const plain = await harness.call('sales.commit', { lines: [{ productId: paracetamol, quantity: 1 }], payments: [{ method: 'cash', amountMinor: 120 }] }, pharmacist);
    expect(count('controlled_register', 'document_id = ?', plain.id)).toBe(0);

    const register = await harness.call('dispensing.controlledRegister', { productId: morphine }, pharmacist);
    expect(register.entries.map((entry) => [entry.kind, entry.quantity])).toEqual([['RETURN', -1], ['SALE', 1], ['DISPENSE', 2]]);
    expect(register.entries[2]).toMatchObject({ lot: 'MOR-1', prescriptionReference: signed.reference, productLabel: 'Morphine 10 mg tablet' });
    expect(register.entries[2]?.recipient).toMatch(/^Dx\d+ Counter \(RFC01-M/);
    expect(register.entries[1]?.documentReference).toBe(sale.receiptNumber);
    expect(register.products).toEqual([{ id: morphine, label: 'Morphine 10 mg' }]);
    expect((await harness.call('dispensing.controlledRegister', { from: '2030-01-01' }, pharmacist)).entries).toEqual([]);
    expect(count('audit_log', `action = 'dispensing.controlledRegister' and outcome = 'SUCCESS'`)).toBe(2);

    // The movement and the register entry go together or not at all.
    sqlite().exec(`create temp trigger fail_register before insert on controlled_register begin select raise(abort, 'disk full'); end`);
    try {
      const before = count('stock_movements');
      const failed = await harness.fail('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines: [{ prescriptionLineId: signed.lineIds[0] ?? '', quantity: 1 }] }, pharmacist);
      expect(failed.code).toBe('CONFLICT');
      await harness.fail('sales.commit', { lines: [{ productId: morphine, quantity: 1 }], payments: [{ method: 'cash', amountMinor: 900 }] }, pharmacist);
      expect(count('stock_movements')).toBe(before);
    } finally {
      sqlite().exec('drop trigger fail_register');
    }
  });

  it('lets pharmacists and administrators dispense, and nobody else', async () => {
    const patientId = await patient();
    const signed = await signedPrescription(harness, doctor, patientId, [{ productId: amoxicillin, quantity: 1 }]);
    for (const token of [doctor, staff]) {
      expect((await harness.fail('dispensing.find', { reference: signed.reference }, token)).code).toBe('FORBIDDEN');
      expect((await harness.fail('dispensing.dispense', { prescriptionId: signed.prescriptionId, counterPatientId: patientId, lines: [{ prescriptionLineId: signed.lineIds[0] ?? '', quantity: 1 }] }, token)).code).toBe('FORBIDDEN');
      expect((await harness.fail('dispensing.controlledRegister', {}, token)).code).toBe('FORBIDDEN');
    }
    expect((await harness.call('dispensing.find', { reference: signed.reference }, admin)).lines).toHaveLength(1);
  });
});
