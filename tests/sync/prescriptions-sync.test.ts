import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import { isProvisionalReference } from '#shared/domain/reference-numbers.ts';
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

const note = { subjective: 'Cough', objective: 'Clear chest', assessment: 'Bronchitis', plan: 'Paracetamol' };
const bronchitis = { code: 'J20.9', title: 'Acute bronchitis, unspecified', rank: 'PRIMARY', certainty: 'PROVISIONAL', chronic: false } as const;

// Two workstations of one clinic prescribe while the internet is down: each gives its
// prescriptions references no other can give, and once back online every provisional one takes
// a leased number, and the signed prescription arrives once everywhere.
describe('prescription references across two workstations offline', () => {
  let online = true;
  const network: Network = { reachable: () => online, fault: () => 'deliver' };
  let harness: HubHarness;
  let first: Workstation;
  let second: Workstation;
  let clinicId = '';
  let patientId = '';
  let productId = '';
  let doctorOnFirst = '';
  let doctorOnSecond = '';

  async function syncBoth(rounds = 2): Promise<void> {
    for (let round = 0; round < rounds; round += 1) {
      await first.core.sync.syncNow();
      await second.core.sync.syncNow();
    }
  }

  beforeAll(async () => {
    harness = await startHub({ now: manualClock(START_MS).now });
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS, network });
    second = await openWorkstation('two', () => harness.hub, { startMs: START_MS, network });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    const admin = setup.token ?? '';
    clinicId = setup.activeClinic?.clinicId ?? '';
    await call(first, 'users.create', { fullName: 'Dr. Jo Bell', username: 'jbell', email: '', phone: '', password: 'doctor-pass', role: 'DOCTOR' }, admin);
    doctorOnFirst = (await call(first, 'auth.signIn', { username: 'jbell', password: 'doctor-pass' })).token ?? '';
    await call(first, 'auth.changePassword', { currentPassword: 'doctor-pass', newPassword: 'doctor-own-pass' }, doctorOnFirst);
    patientId = (await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin)).id;
    productId = (await call(first, 'medicines.create', { kind: 'MEDICINE', genericName: 'Paracetamol', strengthText: '500 mg', strength: { amount: 500, unit: 'mg' }, ingredients: [{ name: 'paracetamol', strength: '500 mg' }], atcCode: 'N02BE01' }, admin)).id;
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'RFC01', clinicId: null });
    await call(first, 'sync.connect', { hubUrl: 'http://hub.test', code }, admin);
    await first.core.sync.syncNow();
    const join = await call(first, 'sync.createJoinCode', {}, admin);
    await call(second, 'sync.join', { hubUrl: 'http://hub.test', code: join.code });
    await second.core.sync.syncNow();
    doctorOnSecond = (await call(second, 'auth.signIn', { username: 'jbell', password: 'doctor-own-pass' })).token ?? '';
  });

  afterAll(async () => {
    await first.close();
    await second.close();
    await harness.close();
  });

  async function prescribeOn(ws: Workstation, token: string) {
    const encounter = await call(ws, 'consultation.startUnscheduled', { patientId }, token);
    const saved = await call(ws, 'prescriptions.saveLine', { encounterId: encounter.id, line: { productId, dose: { amount: 2, unit: 'tablets' }, frequency: 'QDS', durationDays: 3 } }, token);
    const draft = await call(ws, 'consultation.saveDraft', { encounterId: encounter.id, ...note, diagnoses: [bronchitis], basedOn: null }, token);
    await call(ws, 'consultation.sign', { encounterId: encounter.id, draftId: draft.id, version: draft.version }, token);
    return { encounterId: encounter.id, reference: saved.prescription?.reference ?? '' };
  }

  it('gives unique references on both while apart, renames provisional ones once online, and brings each prescription once', async () => {
    online = false;
    // The second workstation has used up its leased prescription numbers.
    second.core.database.sqlite.prepare(`update number_blocks set next_value = range_end where series = 'R' and device_id = ?`).run(second.core.identity.deviceId);
    const written = [];
    for (let round = 0; round < 3; round += 1) {
      written.push(await prescribeOn(first, doctorOnFirst));
      written.push(await prescribeOn(second, doctorOnSecond));
    }
    const offline = written.map((one) => one.reference);
    expect(new Set(offline).size).toBe(offline.length);
    for (const reference of offline) expect(reference).toMatch(/^RFC01-R/);
        expect(offline.filter((reference) => isProvisionalReference(reference)).length).toBeGreaterThan(0);

    online = true;
    await syncBoth(3);
    const atHub = [...(await hubRows(harness.hub, 'prescriptions', clinicId)).values()].map((row) => String(row.reference));
    expect(atHub).toHaveLength(written.length);
    expect(new Set(atHub).size).toBe(atHub.length);
    expect(atHub.filter((reference) => isProvisionalReference(reference))).toEqual([]);
    for (const ws of [first, second]) {
      const references = ws.core.database.sqlite.prepare('select reference from prescriptions order by reference').pluck().all() as string[];
      expect(references, ws.key).toEqual([...atHub].sort());
      expect(ws.core.database.sqlite.prepare('select count(*) from prescription_lines').pluck().get(), ws.key).toBe(written.length);
    }
    const there = await call(second, 'prescriptions.ofEncounter', { encounterId: written[0]?.encounterId ?? '' }, doctorOnSecond);
    expect(there.prescription).toMatchObject({ status: 'SIGNED', lines: [{ productId, quantity: 24, frequencyWords: 'four times a day' }] });
  });
});
