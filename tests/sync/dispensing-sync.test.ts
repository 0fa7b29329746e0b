import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import { manualClock } from '#core/platform/clock.ts';
import { adminAccount, patientInput, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import type { Network } from '#tests/support/network-faults.ts';
import { hubRows, openWorkstation, type Workstation } from '#tests/support/sync-world.ts';

async function call<N extends CallName>(ws: Workstation, name: N, input: CallInput<N>, token: string | null = null): Promise<CallResult<N>> {
  const outcome = await ws.core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${ws.key} ${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as CallResult<N>;
}

const note = { subjective: 'Pain', objective: 'Fracture', assessment: 'Fracture', plan: 'Analgesia' };
const diagnosis = { code: 'S52.5', title: 'Fracture of lower end of radius', rank: 'PRIMARY', certainty: 'CONFIRMED', chronic: false } as const;

// The doctor's room signs a prescription of a controlled medicine; the pharmacy counter, another
// workstation of the clinic, dispenses part of it. The dispense, its line and the register entry
// reach the hub once each, and the doctor's room sees what remains.
describe('a dispense from the pharmacy counter reaches the hub and the other workstations', { timeout: 300_000 }, () => {
  const network: Network = { reachable: () => true, fault: () => 'deliver' };
  let harness: HubHarness;
  let room: Workstation;
  let counter: Workstation;
  let clinicId = '';
  let adminOnRoom = '';
  let adminOnCounter = '';

  beforeAll(async () => {
    harness = await startHub({ now: manualClock(START_MS).now });
    room = await openWorkstation('room', () => harness.hub, { startMs: START_MS, network });
    counter = await openWorkstation('counter', () => harness.hub, { startMs: START_MS, network });
    const setup = await call(room, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    adminOnRoom = setup.token ?? '';
    clinicId = setup.activeClinic?.clinicId ?? '';
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'RFC01', clinicId: null });
    await call(room, 'sync.connect', { hubUrl: 'http://hub.test', code }, adminOnRoom);
    await room.core.sync.syncNow();
    const join = await call(room, 'sync.createJoinCode', {}, adminOnRoom);
    await call(counter, 'sync.join', { hubUrl: 'http://hub.test', code: join.code });
    await counter.core.sync.syncNow();
    adminOnCounter = (await call(counter, 'auth.signIn', { username: adminAccount.username, password: adminAccount.password })).token ?? '';
  }, 300_000);

  afterAll(async () => {
    await room.close();
    await counter.close();
    await harness.close();
  });

  it('dispenses part of a controlled line on the counter; the rows arrive once and the rest stays open everywhere', async () => {
    await call(room, 'users.create', { fullName: 'Dr. Jo Bell', username: 'jbell', email: '', phone: '', password: 'doctor-pass', role: 'DOCTOR' }, adminOnRoom);
    let doctor = (await call(room, 'auth.signIn', { username: 'jbell', password: 'doctor-pass' })).token ?? '';
    await call(room, 'auth.changePassword', { currentPassword: 'doctor-pass', newPassword: 'doctor-own-pass' }, doctor);
    doctor = (await call(room, 'auth.signIn', { username: 'jbell', password: 'doctor-own-pass' })).token ?? doctor;
    const patientId = (await call(room, 'patients.register', { ...patientInput(), notADuplicate: false }, adminOnRoom)).id;
    const productId = (await call(room, 'medicines.create', { kind: 'MEDICINE', genericName: 'Morphine', strengthText: '10 mg', strength: { amount: 10, unit: 'mg' }, ingredients: [{ name: 'morphine', strength: '10 mg' }], atcCode: 'N02AA01', controlled: true, prescriptionOnly: true }, adminOnRoom)).id;
    const supplier = await call(room, 'stock.suppliers.save', { name: 'Medi Wholesale Ltd' }, adminOnRoom);
    const receipt = await call(room, 'stock.receipts.open', { supplierId: supplier.id, supplierReference: 'DN-1' }, adminOnRoom);
    await call(room, 'stock.receipts.receiveLine', { receiptId: receipt.id, productId, lot: 'MOR-9', expiryDate: '2028-01-31', quantity: 10, costPriceMinor: 300 }, adminOnRoom);
    await call(room, 'stock.receipts.post', { receiptId: receipt.id }, adminOnRoom);
    const encounter = await call(room, 'consultation.startUnscheduled', { patientId }, doctor);
    const saved = await call(room, 'prescriptions.saveLine', { encounterId: encounter.id, line: { productId, dose: { amount: 1, unit: 'tablets' }, frequency: 'BD', durationDays: 2, quantity: 4 } }, doctor);
    const draft = await call(room, 'consultation.saveDraft', { encounterId: encounter.id, ...note, diagnoses: [diagnosis], basedOn: null }, doctor);
    await call(room, 'consultation.sign', { encounterId: encounter.id, draftId: draft.id, version: draft.version }, doctor);
    const reference = saved.prescription?.reference ?? '';
    await room.core.sync.syncNow();
    await counter.core.sync.syncNow();

    const found = await call(counter, 'dispensing.find', { reference, counterPatientId: patientId }, adminOnCounter);
    expect(found.lines).toMatchObject([{ prescribed: 4, remaining: 4, picks: [{ lot: 'MOR-9', quantity: 4 }] }]);
    const given = await call(counter, 'dispensing.dispense', { prescriptionId: found.prescriptionId, counterPatientId: patientId, lines: [{ prescriptionLineId: found.lines[0]?.id ?? '', quantity: 3 }] }, adminOnCounter);
    for (let round = 0; round < 2; round += 1) {
      await counter.core.sync.syncNow();
      await room.core.sync.syncNow();
    }

    expect([...(await hubRows(harness.hub, 'dispenses', clinicId)).keys()]).toEqual([given.dispenseId]);
    expect((await hubRows(harness.hub, 'dispense_lines', clinicId)).size).toBe(1);
    const register = [...(await hubRows(harness.hub, 'controlled_register', clinicId)).values()];
    expect(register).toHaveLength(1);
    expect(register[0]).toMatchObject({ kind: 'DISPENSE', document_id: given.dispenseId, patient_id: patientId });
    for (const ws of [room, counter]) {
      const sqlite = ws.core.database.sqlite;
      expect(sqlite.prepare('select count(*) from controlled_register').pluck().get(), ws.key).toBe(1);
      expect(sqlite.prepare('select count(*) from dispense_lines').pluck().get(), ws.key).toBe(1);
      expect(sqlite.prepare(`select coalesce(sum(quantity), 0) from stock_movements where product_id = ?`).pluck().get(productId), ws.key).toBe(7);
    }
    const onRoom = await call(room, 'dispensing.find', { reference }, adminOnRoom);
    expect(onRoom.lines).toMatchObject([{ dispensed: 3, remaining: 1 }]);
    const registerOnRoom = await call(room, 'dispensing.controlledRegister', {}, adminOnRoom);
    expect(registerOnRoom.entries).toMatchObject([{ kind: 'DISPENSE', quantity: 3, lot: 'MOR-9', prescriptionReference: reference }]);
  });
});
