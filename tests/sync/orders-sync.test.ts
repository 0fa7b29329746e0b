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

// A doctor orders on one workstation; the result is typed on another (the lab bench, the nurse's
// room). Orders and results follow the patient to every workstation of the clinic, and a cancel
// made while apart from a result never hides the result.
describe('orders and results across two workstations', () => {
  let online = true;
  const network: Network = { reachable: () => online, fault: () => 'deliver' };
  let harness: HubHarness;
  let first: Workstation;
  let second: Workstation;
  let clinicId = '';
  let patientId = '';
  let doctorOnFirst = '';
  let doctorOnSecond = '';

  async function syncBoth(rounds = 2): Promise<void> {
    for (let round = 0; round < rounds; round += 1) {
      await first.core.sync.syncNow();
      await second.core.sync.syncNow();
    }
  }

  // A hub, two workstations and a clinic with its passwords hashed: past a minute on a busy machine.
  beforeAll(async () => {
    harness = await startHub({ now: manualClock(START_MS).now });
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS, network });
    second = await openWorkstation('two', () => harness.hub, { startMs: START_MS, network });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    const admin = setup.token ?? '';
    clinicId = setup.activeClinic?.clinicId ?? '';
    await call(first, 'users.create', { fullName: 'Dr. Ada Lamb', username: 'alamb', email: '', phone: '', password: 'doctor-pass', role: 'DOCTOR' }, admin);
    doctorOnFirst = (await call(first, 'auth.signIn', { username: 'alamb', password: 'doctor-pass' })).token ?? '';
    await call(first, 'auth.changePassword', { currentPassword: 'doctor-pass', newPassword: 'doctor-own-pass' }, doctorOnFirst);
    patientId = (await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin)).id;
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'RFC01', clinicId: null });
    await call(first, 'sync.connect', { hubUrl: 'http://hub.test', code }, admin);
    await first.core.sync.syncNow();
    const join = await call(first, 'sync.createJoinCode', {}, admin);
    await call(second, 'sync.join', { hubUrl: 'http://hub.test', code: join.code });
    await second.core.sync.syncNow();
    doctorOnSecond = (await call(second, 'auth.signIn', { username: 'alamb', password: 'doctor-own-pass' })).token ?? '';
  }, 180_000);

  afterAll(async () => {
    await first.close();
    await second.close();
    await harness.close();
  });

  const statusOn = (ws: Workstation, orderId: string) => ws.core.database.sqlite.prepare('select status from diagnostic_orders where id = ?').pluck().get(orderId);

  it('brings an order to the other workstation, and its result back', async () => {
    const encounter = await call(first, 'consultation.startUnscheduled', { patientId }, doctorOnFirst);
    const placed = await call(first, 'orders.place', { encounterId: encounter.id, testCodes: ['CBC'], urgency: 'ROUTINE', clinicalNote: '' }, doctorOnFirst);
    const orderId = placed.orders[0]?.id ?? '';
    await syncBoth();
    const there = await call(second, 'orders.ofEncounter', { encounterId: encounter.id }, doctorOnSecond);
    expect(there.orders.map((order) => [order.id, order.testCode, order.status])).toEqual([[orderId, 'CBC', 'ORDERED']]);
    await call(second, 'orders.recordResults', { orderId, results: [{ componentCode: 'HGB', value: '9.9', unit: 'g/dL' }] }, doctorOnSecond);
    await syncBoth();
    const back = await call(first, 'orders.resultsOfPatient', { patientId }, doctorOnFirst);
    expect(back.results.map((result) => [result.componentCode, result.value, result.flag])).toEqual([['HGB', '9.9', 'LOW']]);
    expect(statusOn(first, orderId)).toBe('RESULTED');
    expect([...(await hubRows(harness.hub, 'diagnostic_results', clinicId)).values()]).toHaveLength(1);
  });

  it('merges a cancel and a result made while apart by rank: the result stands everywhere', async () => {
    const encounter = await call(first, 'consultation.startUnscheduled', { patientId }, doctorOnFirst);
    const placed = await call(first, 'orders.place', { encounterId: encounter.id, testCodes: ['XR-CHEST-2V', 'TSH'], urgency: 'ROUTINE', clinicalNote: '' }, doctorOnFirst);
    const [xray, tsh] = placed.orders;
    if (xray === undefined || tsh === undefined) throw new Error('orders missing');
    await syncBoth();
    online = false;
    await call(first, 'orders.cancel', { orderId: xray.id, reason: 'Not needed' }, doctorOnFirst);
    await call(second, 'orders.recordResults', { orderId: xray.id, results: [{ componentCode: 'XR-CHEST-2V-IMP', value: 'Clear lung fields', unit: '', flag: 'NORMAL' }] }, doctorOnSecond);
    // Both type the same item of one order: one row, one value, on both.
    await call(first, 'orders.recordResults', { orderId: tsh.id, results: [{ componentCode: 'TSH', value: '6.1', unit: 'mIU/L' }] }, doctorOnFirst);
    await call(second, 'orders.recordResults', { orderId: tsh.id, results: [{ componentCode: 'TSH', value: '6.2', unit: 'mIU/L' }] }, doctorOnSecond);
    online = true;
    await syncBoth(3);
    for (const ws of [first, second]) expect(statusOn(ws, xray.id), ws.key).toBe('RESULTED');
    expect([...(await hubRows(harness.hub, 'diagnostic_orders', clinicId)).values()].find((row) => row.id === xray.id)?.status).toBe('RESULTED');
    const values = [first, second].map((ws) => ws.core.database.sqlite.prepare('select value from diagnostic_results where order_id = ?').pluck().all(tsh.id));
    expect(values[0]).toHaveLength(1);
    expect(values[0]).toEqual(values[1]);
  });
});
