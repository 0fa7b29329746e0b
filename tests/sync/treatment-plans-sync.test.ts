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

// One treatment plan edited on two workstations of a clinic while the internet is down. Plans and
// steps merge as state machines (status by rank, other columns last writer per column), so each
// workstation's edits to different fields and steps all survive, and a booked step stays booked.
describe('a treatment plan edited on two workstations offline', () => {
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
    harness = await startHub({ now: manualClock(START_MS).now });
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS, network });
    second = await openWorkstation('two', () => harness.hub, { startMs: START_MS, network });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    const admin = setup.token ?? '';
    clinicId = setup.activeClinic?.clinicId ?? '';
    const doctor = await call(first, 'users.create', { fullName: 'Dr. Jo Bell', username: 'jbell', email: '', phone: '', password: 'doctor-pass', role: 'DOCTOR' }, admin);
    await call(first, 'doctors.saveProfile', { userId: doctor.id, specialization: 'Dentistry', registrationNumber: 'GDC-1', visibility: 'PUBLIC', active: true }, admin);
    await call(first, 'schedules.setWeekly', { doctorUserId: doctor.id, sessions: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '12:00', slotMinutes: 30, breaks: [] })) }, admin);
    doctorOnFirst = (await call(first, 'auth.signIn', { username: 'jbell', password: 'doctor-pass' })).token ?? '';
    await call(first, 'auth.changePassword', { currentPassword: 'doctor-pass', newPassword: 'doctor-own-pass' }, doctorOnFirst);
    patientId = (await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin)).id;
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'RFC01', clinicId: null });
    await call(first, 'sync.connect', { hubUrl: 'http://hub.test', code }, admin);
    await first.core.sync.syncNow();
    const join = await call(first, 'sync.createJoinCode', {}, admin);
    await call(second, 'sync.join', { hubUrl: 'http://hub.test', code: join.code });
    await second.core.sync.syncNow();
    doctorOnSecond = (await call(second, 'auth.signIn', { username: 'jbell', password: 'doctor-own-pass' })).token ?? '';
    // Two workstations, a hub and a first sync: slow on a loaded machine.
  }, 180_000);

  afterAll(async () => {
    await first.close();
    await second.close();
    await harness.close();
  });

  it('keeps every edit of both: the new title and price, the booking, the moved date and the added step', async () => {
    const plan = await call(first, 'procedures.savePlan', { patientId, title: 'Molar restoration' }, doctorOnFirst);
    await call(first, 'procedures.saveStep', { planId: plan.id, code: 'DEN-RCT-M', site: '36', plannedDate: '2026-03-09' }, doctorOnFirst);
    const twoSteps = await call(first, 'procedures.saveStep', { planId: plan.id, code: 'DEN-CROWN', site: '36', plannedDate: '2026-03-23' }, doctorOnFirst);
    const [rootCanal, crown] = twoSteps.steps;
    await syncBoth();
    expect((await call(second, 'procedures.plansOfPatient', { patientId }, doctorOnSecond)).plans).toHaveLength(1);

    online = false;
    await call(first, 'procedures.savePlan', { planId: plan.id, patientId, title: 'Lower left molar restoration' }, doctorOnFirst);
    await call(first, 'procedures.saveStep', { planId: plan.id, stepId: rootCanal?.id ?? '', code: 'DEN-RCT-M', site: '36', plannedDate: '2026-03-09', estimatedCostMinor: 380_00 }, doctorOnFirst);
    const booked = await call(first, 'procedures.bookStep', { planId: plan.id, stepId: crown?.id ?? '' }, doctorOnFirst);
    second.clock.advance(60_000);
    await call(second, 'procedures.saveStep', { planId: plan.id, stepId: crown?.id ?? '', code: 'DEN-CROWN', site: '36', plannedDate: '2026-03-30', notes: 'Shade A2' }, doctorOnSecond);
    await call(second, 'procedures.saveStep', { planId: plan.id, code: 'DEN-SCALE', plannedDate: '2026-04-06' }, doctorOnSecond);

    online = true;
    await syncBoth(3);
    const views = await Promise.all([call(first, 'procedures.plansOfPatient', { patientId }, doctorOnFirst), call(second, 'procedures.plansOfPatient', { patientId }, doctorOnSecond)]);
    for (const { plans } of views) {
      expect(plans).toHaveLength(1);
      const [merged] = plans;
      expect(merged?.title).toBe('Lower left molar restoration');
      expect(merged?.status).toBe('ACCEPTED');
      expect(merged?.steps.map((step) => [step.code, step.status, step.plannedDate, step.estimatedCostMinor, step.notes])).toEqual([
        ['DEN-RCT-M', 'PLANNED', '2026-03-09', 380_00, ''],
        ['DEN-CROWN', 'BOOKED', '2026-03-30', 600_00, 'Shade A2'],
        ['DEN-SCALE', 'PLANNED', '2026-04-06', 50_00, ''],
      ]);
      expect(merged?.steps[1]?.appointment?.reference).toBe(booked.appointmentReference);
      expect(merged?.totalMinor).toBe(1030_00);
    }
    for (const table of ['treatment_plans', 'treatment_plan_steps']) {
      const atHub = await hubRows(harness.hub, table, clinicId);
      expect(atHub.size, table).toBe(table === 'treatment_plans' ? 1 : 3);
    }
  });
});
