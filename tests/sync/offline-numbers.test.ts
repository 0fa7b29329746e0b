import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import { manualClock } from '#core/platform/clock.ts';
import { adminAccount, patientInput, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import type { Network } from '#tests/support/in-process-transport.ts';
import { openWorkstation, type Workstation } from '#tests/support/sync-world.ts';

// A front desk is never stopped from registering a patient because the internet is down: it
// leases a month of its own use ahead, and past that it registers under provisional numbers
// that it renames once the hub leases it more (issue 31, finding 9).

async function call<N extends CallName>(ws: Workstation, name: N, input: CallInput<N>, token: string | null = null): Promise<CallResult<N>> {
  const outcome = await ws.core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${ws.key} ${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as CallResult<N>;
}

/** The sizes of the blocks the hub leased a device, per series, in the order it leased them. */
async function leaseSizes(harness: HubHarness, deviceId: string, series: string): Promise<number[]> {
  const rows = await harness.hub.db.query<{ size: string }>(`select (range_end - range_start)::text as size from hub_number_leases where device_id = $1 and series = $2 order by range_start`, [deviceId, series]);
  return rows.map((row) => Number(row.size));
}

describe('reference numbers on a workstation that is offline for long', () => {
  const hubClock = manualClock(START_MS);
  let harness: HubHarness;
  let first: Workstation;
  let admin: string;
  /** Whether the first workstation reaches the hub; the second always does. */
  let firstOnline = true;
  const network: Network = { reachable: (key) => key !== 'one' || firstOnline, fault: () => 'deliver' };

  beforeEach(async () => {
    firstOnline = true;
    harness = await startHub({ now: hubClock.now });
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS, network });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    admin = setup.token ?? '';
    await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin);
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'RFC01', clinicId: null });
    await call(first, 'sync.connect', { hubUrl: 'http://hub.test', code }, admin);
    await first.core.sync.syncNow();
  });

  afterEach(async () => {
    await first.close();
    await harness.close();
  });

  /** What registering for weeks without the hub leaves: every leased number of the series used. */
  function useUpLeasedNumbers(series: string): void {
    first.core.database.sqlite.prepare(`update number_blocks set next_value = range_end where series = ? and device_id = ?`).run(series, first.core.identity.deviceId);
  }

  async function registerMany(count: number): Promise<void> {
    for (let index = 0; index < count; index += 1) {
      await call(first, 'patients.register', { ...patientInput({ givenName: `Person${String(index)}`, phone: '', birth: { kind: 'date', date: '1970-01-01' } }), notADuplicate: true }, admin);
    }
  }

  it('registers and books with its leased numbers used up, under provisional numbers it renames once the hub is back, still found by them, on every workstation', async () => {
    const second = await openWorkstation('two', () => harness.hub, { startMs: START_MS });
    try {
      const { code } = await call(first, 'sync.createJoinCode', {}, admin);
      await call(second, 'sync.join', { hubUrl: 'http://hub.test', code });
      await second.core.sync.syncNow();
      const doctor = await call(first, 'users.create', { fullName: 'Dr Bell', username: 'bell', email: '', phone: '', password: 'bell-password-1', role: 'DOCTOR' }, admin);
      await call(first, 'doctors.saveProfile', { userId: doctor.id, specialization: 'General practice', registrationNumber: 'GMC-1', visibility: 'PUBLIC', active: true }, admin);
      await call(first, 'schedules.setWeekly', { doctorUserId: doctor.id, sessions: [{ weekday: 1, startTime: '09:00', endTime: '12:00', slotMinutes: 30, breaks: [] }] }, admin);

      firstOnline = false;
      useUpLeasedNumbers('M');
      useUpLeasedNumbers('A');
      const patient = await call(first, 'patients.register', { ...patientInput({ givenName: 'Wilhelmina', familyName: 'Oduya', phone: '', birth: { kind: 'date', date: '1991-06-07' } }), notADuplicate: false }, admin);
      const appointment = await call(first, 'appointments.book', { patientId: patient.id, doctorUserId: doctor.id, startAt: '2026-03-02T10:00:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin);
      expect(patient).toMatchObject({ mrn: 'RFC01-M-PROV1-1', provisionalMrn: 'RFC01-M-PROV1-1' });
      expect(appointment.reference).toBe('RFC01-A-PROV1-1');
      const offline = await first.core.sync.syncNow();
      expect(offline.state).toBe('offline');
      expect(offline.referenceNumbers.find((supply) => supply.series === 'M')).toMatchObject({ remaining: 0, waiting: 1, low: true });

      firstOnline = true;
      await first.core.sync.syncNow();
      const renamed = await call(first, 'patients.get', { patientId: patient.id }, admin);
      expect(renamed.mrn).toMatch(/^RFC01-M\d{4}$/);
      expect(renamed.provisionalMrn).toBe('RFC01-M-PROV1-1');
      const booked = await call(first, 'appointments.ofPatient', { patientId: patient.id }, admin);
      expect(booked.appointments.map((row) => row.reference)).toEqual([expect.stringMatching(/^RFC01-A\d{4}$/)]);
      expect(first.core.sync.status().referenceNumbers.find((supply) => supply.series === 'M')).toMatchObject({ waiting: 0, low: false });
      for (const query of [renamed.mrn, 'RFC01-M-PROV1-1', 'm-prov1-1']) {
        expect((await call(first, 'patients.search', { query }, admin)).results.map((hit) => [hit.id, hit.mrn]), query).toEqual([[patient.id, renamed.mrn]]);
      }
      const audited = first.core.database.sqlite.prepare(`select entity_id, detail from audit_log where action = 'references.renamed' order by entity_type desc`).all();
      expect(audited).toEqual([
        { entity_id: patient.id, detail: JSON.stringify({ from: 'RFC01-M-PROV1-1', to: renamed.mrn }) },
        { entity_id: appointment.id, detail: JSON.stringify({ from: 'RFC01-A-PROV1-1', to: booked.appointments[0]?.reference }) },
      ]);

      await second.core.sync.syncNow();
      const onSecond = (await call(second, 'auth.signIn', { username: adminAccount.username, password: adminAccount.password })).token ?? '';
      for (const query of [renamed.mrn, 'RFC01-M-PROV1-1']) {
        expect((await call(second, 'patients.search', { query }, onSecond)).results.map((hit) => hit.mrn), query).toEqual([renamed.mrn]);
      }
      expect((await call(second, 'patients.get', { patientId: patient.id }, onSecond)).provisionalMrn).toBe('RFC01-M-PROV1-1');
      const [atHub] = await harness.hub.db.query<{ mrn: string; provisional_mrn: string }>(`select mrn, provisional_mrn from patients where id = $1`, [patient.id]);
      expect(atHub).toEqual({ mrn: renamed.mrn, provisional_mrn: 'RFC01-M-PROV1-1' });
    } finally {
      await second.close();
    }
  });

  it('leases a month of its own recent use, and never fewer than the minimum', async () => {
    const deviceId = first.core.identity.deviceId;
    // Connected with its own block of record numbers nearly whole (one used) and no appointment
    // numbers: a quiet workstation gets the minimum of each.
    expect(await leaseSizes(harness, deviceId, 'M')).toEqual([1000, 1000]);
    expect(await leaseSizes(harness, deviceId, 'A')).toEqual([1000]);

    firstOnline = false;
    await registerMany(300);
    useUpLeasedNumbers('M');
    await registerMany(1);
    firstOnline = true;
    await first.core.sync.syncNow();
    // 302 in the last week (the one of set-up included), the busier of its week and its four: a
    // month of that, and one more for the provisional number waiting.
    expect((await leaseSizes(harness, deviceId, 'M')).slice(2)).toEqual([Math.ceil((302 / 7) * 31) + 1]);
    expect(first.core.sync.status().referenceNumbers.find((supply) => supply.series === 'M')).toMatchObject({ remaining: Math.ceil((302 / 7) * 31), waiting: 0 });
  });

  it('tells the Sync screen when fewer than a week of numbers remain at the recent rate', async () => {
    firstOnline = false;
    await registerMany(69);
    // With the one of set-up, 70 in a week: ten a day, seventy a week.
    let token = admin;
    const supply = async (): Promise<unknown> => (await call(first, 'sync.status', {}, token)).referenceNumbers.find((series) => series.series === 'M');
    const leaveUnused = (count: number): void => {
      first.core.database.sqlite.prepare(`update number_blocks set next_value = range_end where series = 'M' and device_id = ?`).run(first.core.identity.deviceId);
      first.core.database.sqlite.prepare(`update number_blocks set next_value = range_end - ? where id = (select id from number_blocks where series = 'M' and device_id = ? order by range_start desc limit 1)`).run(count, first.core.identity.deviceId);
    };
    leaveUnused(70);
    expect(await supply()).toEqual({ series: 'M', remaining: 70, perDay: 10, waiting: 0, low: false });
    leaveUnused(69);
    expect(await supply()).toEqual({ series: 'M', remaining: 69, perDay: 10, waiting: 0, low: true });
    // Four weeks on, the same seventy are two and a half a day: sixty-nine last more than a week.
    first.clock.advance(21 * 86_400_000);
    token = (await call(first, 'auth.signIn', { username: adminAccount.username, password: adminAccount.password })).token ?? '';
    expect(await supply()).toEqual({ series: 'M', remaining: 69, perDay: 2.5, waiting: 0, low: false });
  });
});
