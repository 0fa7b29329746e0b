import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import { consultationSyncTables } from '#shared/modules/consultation/sync-tables.ts';
import { manualClock } from '#core/platform/clock.ts';
import { adminAccount, patientInput, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import type { Network } from '#tests/support/network-faults.ts';
import { hubRows, openWorkstation, workstationRows, type Workstation } from '#tests/support/sync-world.ts';

async function call<N extends CallName>(ws: Workstation, name: N, input: CallInput<N>, token: string | null = null): Promise<CallResult<N>> {
  const outcome = await ws.core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${ws.key} ${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as CallResult<N>;
}

const note = { subjective: 'Cough for a week', objective: 'Clear chest', assessment: 'Acute bronchitis', plan: 'Fluids, review in a week' };
const bronchitis = { code: 'J20.9', title: 'Acute bronchitis, unspecified', rank: 'PRIMARY', certainty: 'PROVISIONAL', chronic: false } as const;

// The consultation's rows between two workstations of one clinic and the hub: a signed note
// arrives once everywhere, and two workstations that edited one draft while apart keep both
// versions, show the divergence and refuse to sign until the doctor chooses.
describe('consultations across two workstations', () => {
  const hubClock = manualClock(START_MS);
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

  beforeAll(async () => {
    harness = await startHub({ now: hubClock.now });
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS, network });
    second = await openWorkstation('two', () => harness.hub, { startMs: START_MS, network });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    const admin = setup.token ?? '';
    clinicId = setup.activeClinic?.clinicId ?? '';
    await call(first, 'users.create', { fullName: 'Dr. Jo Bell', username: 'jbell', email: '', phone: '', password: 'doctor-pass', role: 'DOCTOR' }, admin);
    const signedIn = await call(first, 'auth.signIn', { username: 'jbell', password: 'doctor-pass' });
    doctorOnFirst = signedIn.token ?? '';
    await call(first, 'auth.changePassword', { currentPassword: 'doctor-pass', newPassword: 'doctor-own-pass' }, doctorOnFirst);
    patientId = (await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin)).id;
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

  it('brings a signed encounter to the other workstation and the hub exactly once', async () => {
    const encounter = await call(first, 'consultation.startUnscheduled', { patientId }, doctorOnFirst);
    await call(first, 'consultation.recordVitals', { patientId, encounterId: encounter.id, values: { TEMPERATURE: 37.9, PULSE: 88 } }, doctorOnFirst);
    const draft = await call(first, 'consultation.saveDraft', { encounterId: encounter.id, ...note, diagnoses: [bronchitis], basedOn: null }, doctorOnFirst);
    const signed = await call(first, 'consultation.sign', { encounterId: encounter.id, draftId: draft.id, version: draft.version }, doctorOnFirst);
    await syncBoth(3);

    const there = await call(second, 'consultation.get', { encounterId: encounter.id }, doctorOnSecond);
    expect(there.encounter.status).toBe('SIGNED');
    expect(there.notes.map((shown) => [shown.id, shown.assessment])).toEqual([[signed.id, note.assessment]]);
    expect(there.notes[0]?.diagnoses.map((diagnosis) => diagnosis.code)).toEqual(['J20.9']);
    expect(there.vitals.map((reading) => [reading.kind, reading.value])).toEqual([
      ['TEMPERATURE', 37.9],
      ['PULSE', 88],
    ]);
    const atHub = await hubRows(harness.hub, 'encounter_notes', clinicId);
    expect([...atHub.keys()].filter((id) => id === signed.id)).toHaveLength(1);
    expect((await hubRows(harness.hub, 'encounter_diagnoses', clinicId)).size).toBe(1);
    const onSecond = second.core.database.sqlite.prepare('select count(*) from encounter_notes where encounter_id = ?').pluck().get(encounter.id);
    expect(onSecond).toBe(1);

    // More rounds change nothing: every consultation table is the same on both and at the hub.
    await syncBoth(2);
    for (const table of Object.keys(consultationSyncTables)) {
      const hub = await hubRows(harness.hub, table, clinicId);
      expect(workstationRows(first.core.database.sqlite, table, null), `${table} on the first workstation`).toEqual(hub);
      expect(workstationRows(second.core.database.sqlite, table, null), `${table} on the second workstation`).toEqual(hub);
    }
  });

  it('keeps both versions of a draft edited on two workstations while apart, shows the divergence, and signs once the doctor chooses', async () => {
    const encounter = await call(first, 'consultation.startUnscheduled', { patientId }, doctorOnFirst);
    const opened = await call(first, 'consultation.saveDraft', { encounterId: encounter.id, ...note, diagnoses: [bronchitis], basedOn: null }, doctorOnFirst);
    await syncBoth();
    const handedOver = await call(second, 'consultation.get', { encounterId: encounter.id }, doctorOnSecond);
    expect(handedOver.draft).toMatchObject({ id: opened.id, plan: note.plan });
    expect(handedOver.divergentDrafts).toEqual([]);

    online = false;
    const onSecond = await call(second, 'consultation.saveDraft', { encounterId: encounter.id, ...note, plan: 'Chest X-ray if not better', diagnoses: [bronchitis], basedOn: { draftId: opened.id, version: opened.version } }, doctorOnSecond);
    first.clock.advance(60_000);
    const onFirst = await call(first, 'consultation.saveDraft', { encounterId: encounter.id, ...note, plan: 'Salbutamol inhaler', diagnoses: [bronchitis], basedOn: { draftId: opened.id, version: opened.version } }, doctorOnFirst);
    online = true;
    await syncBoth(3);

    const seenOnFirst = await call(first, 'consultation.get', { encounterId: encounter.id }, doctorOnFirst);
    expect(seenOnFirst.draft?.plan).toBe('Salbutamol inhaler');
    expect(seenOnFirst.divergentDrafts.map((other) => [other.plan, other.deviceName])).toEqual([['Chest X-ray if not better', 'desk-two']]);
    const seenOnSecond = await call(second, 'consultation.get', { encounterId: encounter.id }, doctorOnSecond);
    expect(seenOnSecond.draft?.plan).toBe('Chest X-ray if not better');
    expect(seenOnSecond.divergentDrafts.map((other) => other.plan)).toEqual(['Salbutamol inhaler']);
    const refused = await first.core.dispatch({ call: 'consultation.sign', input: { encounterId: encounter.id, draftId: onFirst.id, version: onFirst.version }, token: doctorOnFirst });
    expect(refused.ok ? '' : refused.error.message).toMatch(/also changed on desk-two/);
    // The Sync screen of both workstations lists it too, as one conflict naming the visit and both drafts (never their text).
    const listed = async (ws: Workstation, token: string) => (await call(ws, 'sync.conflicts', { includeResolved: true }, token)).conflicts.filter((conflict) => conflict.kind === 'NOTE_DRAFTS_DIVERGED');
    const [onFirstScreen] = await listed(first, doctorOnFirst);
    expect(onFirstScreen?.resolvedAt).toBeNull();
    expect(onFirstScreen?.rows.map((row) => row.label).sort()).toEqual([`Note as written at desk-one`, `Note as written at desk-two`, `Visit ${encounter.reference}`]);
    expect(JSON.stringify(onFirstScreen)).not.toMatch(/Salbutamol|Chest X-ray/);
    expect((await listed(second, doctorOnSecond)).map((conflict) => conflict.id)).toEqual([onFirstScreen?.id]);

    // The doctor keeps both plans in one text, continuing the other's version; the divergence is settled everywhere.
    const other = seenOnFirst.divergentDrafts[0];
    if (other === undefined) throw new Error('no divergent draft');
    const settled = await call(first, 'consultation.saveDraft', { encounterId: encounter.id, ...note, plan: 'Salbutamol inhaler; chest X-ray if not better', diagnoses: [bronchitis], basedOn: { draftId: other.id, version: other.version } }, doctorOnFirst);
    await syncBoth(2);
    expect((await call(second, 'consultation.get', { encounterId: encounter.id }, doctorOnSecond)).divergentDrafts).toEqual([]);
    // Settling on the encounter screen resolved the conflict, on both workstations.
    for (const [ws, token] of [[first, doctorOnFirst], [second, doctorOnSecond]] as const) {
      expect(await listed(ws, token), ws.key).toMatchObject([{ id: onFirstScreen?.id, resolution: 'The doctor chose what to keep on the encounter screen' }]);
      expect((await listed(ws, token))[0]?.resolvedAt, ws.key).not.toBeNull();
    }
    const signed = await call(first, 'consultation.sign', { encounterId: encounter.id, draftId: settled.id, version: settled.version }, doctorOnFirst);
    expect(signed.plan).toBe('Salbutamol inhaler; chest X-ray if not better');
    // Nothing written was lost: both workstations' drafts are still stored.
    const drafts = first.core.database.sqlite.prepare('select plan from encounter_note_drafts where encounter_id = ? order by plan').pluck().all(encounter.id);
    expect(drafts).toEqual(['Chest X-ray if not better', 'Salbutamol inhaler; chest X-ray if not better']);
    expect(onSecond.id).not.toBe(onFirst.id);
  });
});
