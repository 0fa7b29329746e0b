import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorWithSchedule, patientInput, setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

const note = { subjective: 'Toothache', objective: 'Caries 36', assessment: 'Pulpitis', plan: 'Root canal' };
const pulpitis = { code: 'K04.0', title: 'Pulpitis', rank: 'PRIMARY', certainty: 'CONFIRMED', chronic: false } as const;

describe('procedures and treatment plans', () => {
  let harness: Harness;
  let admin: string;
  let doctor: { token: string; userId: string };
  let otherDoctor: { token: string; userId: string };
  let staff: string;
  let pharmacist: string;
  let patientCount = 0;
  const sqlite = () => harness.core.database.sqlite;

  beforeAll(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    doctor = await doctorWithSchedule(harness, admin, 'drplan', 'Dentistry');
    otherDoctor = await doctorWithSchedule(harness, admin, 'drother');
    staff = (await userWithRole(harness, admin, 'STAFF', 'desk')).token;
    pharmacist = (await userWithRole(harness, admin, 'PHARMACIST', 'pharm')).token;
  });
  afterAll(() => harness.close());

  async function newPatient(): Promise<string> {
    patientCount += 1;
    return (await harness.call('patients.register', { ...patientInput({ givenName: `Plan${String(patientCount)}`, familyName: 'Patient', phone: '', birth: { kind: 'date', date: `1970-04-${String(10 + patientCount)}` } }), notADuplicate: true }, admin)).id;
  }

  async function signAndComplete(encounterId: string) {
    const draft = await harness.call('consultation.saveDraft', { encounterId, ...note, diagnoses: [pulpitis], basedOn: null }, doctor.token);
    await harness.call('consultation.sign', { encounterId, draftId: draft.id, version: draft.version }, doctor.token);
    return harness.call('consultation.complete', { encounterId, items: [] }, doctor.token);
  }

  async function threeStepPlan(patientId: string) {
    const plan = await harness.call('procedures.savePlan', { patientId, title: 'Restore lower left molar' }, doctor.token);
    await harness.call('procedures.saveStep', { planId: plan.id, code: 'DEN-RCT-M', site: '36', plannedDate: '2026-03-09' }, doctor.token);
    await harness.call('procedures.saveStep', { planId: plan.id, code: 'DEN-POST', site: '36', plannedDate: '2026-03-16', estimatedCostMinor: 120_50 }, doctor.token);
    return harness.call('procedures.saveStep', { planId: plan.id, code: 'DEN-CROWN', site: '36', plannedDate: '2026-03-30' }, doctor.token);
  }

  it('keeps a plan’s total in minor units from its steps, cancelled ones left out', async () => {
    const patientId = await newPatient();
    const plan = await threeStepPlan(patientId);
    expect(plan.status).toBe('PROPOSED');
    expect(plan.steps.map((step) => [step.position, step.code, step.estimatedCostMinor, step.status])).toEqual([
      [1, 'DEN-RCT-M', 400_00, 'PLANNED'],
      [2, 'DEN-POST', 120_50, 'PLANNED'],
      [3, 'DEN-CROWN', 600_00, 'PLANNED'],
    ]);
    expect(plan.totalMinor).toBe(1120_50);
    expect(plan.progress).toEqual({ done: 0, of: 3 });
    const [, post] = plan.steps;
    const repriced = await harness.call('procedures.saveStep', { planId: plan.id, stepId: post?.id ?? '', code: 'DEN-POST', site: '36', estimatedCostMinor: 99_99 }, doctor.token);
    expect(repriced.totalMinor).toBe(1099_99);
    const cancelled = await harness.call('procedures.cancelStep', { planId: plan.id, stepId: post?.id ?? '' }, doctor.token);
    expect(cancelled.totalMinor).toBe(1000_00);
    expect(cancelled.progress).toEqual({ done: 0, of: 2 });
    expect((await harness.fail('procedures.saveStep', { planId: plan.id, stepId: post?.id ?? '', code: 'DEN-POST', site: '36' }, doctor.token)).code).toBe('CONFLICT');
    expect((await harness.fail('procedures.saveStep', { planId: plan.id, code: 'DEN-CROWN', site: '' }, doctor.token)).fields?.[0]?.message).toMatch(/needs a tooth/);
    expect((await harness.fail('procedures.saveStep', { planId: plan.id, code: 'DEN-CROWN', site: '36', estimatedCostMinor: 10.5 }, doctor.token)).code).toBe('VALIDATION');
  });

  it('moves a plan only forward: proposed, accepted, in progress, completed or cancelled', async () => {
    const patientId = await newPatient();
    const plan = await threeStepPlan(patientId);
    expect((await harness.fail('procedures.movePlan', { planId: plan.id, status: 'COMPLETED' }, doctor.token)).code).toBe('CONFLICT');
    expect((await harness.call('procedures.movePlan', { planId: plan.id, status: 'ACCEPTED' }, doctor.token)).status).toBe('ACCEPTED');
    expect((await harness.fail('procedures.movePlan', { planId: plan.id, status: 'PROPOSED' }, doctor.token)).code).toBe('CONFLICT');
    expect((await harness.call('procedures.movePlan', { planId: plan.id, status: 'IN_PROGRESS' }, doctor.token)).status).toBe('IN_PROGRESS');
    expect((await harness.fail('procedures.movePlan', { planId: plan.id, status: 'COMPLETED' }, doctor.token)).message).toMatch(/still to do/);
    const ended = await harness.call('procedures.movePlan', { planId: plan.id, status: 'CANCELLED' }, doctor.token);
    expect(ended.status).toBe('CANCELLED');
    expect(ended.steps.map((step) => step.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect((await harness.fail('procedures.savePlan', { planId: plan.id, patientId, title: 'Renamed' }, doctor.token)).code).toBe('CONFLICT');
    expect((await harness.fail('procedures.saveStep', { planId: plan.id, code: 'DEN-EXAM' }, doctor.token)).code).toBe('CONFLICT');
  });

  it('books a step as a follow-up appointment at the doctor’s next free slot or a chosen one, and the front desk sees it', async () => {
    const patientId = await newPatient();
    const plan = await threeStepPlan(patientId);
    const [first, second] = plan.steps;
    const booked = await harness.call('procedures.bookStep', { planId: plan.id, stepId: second?.id ?? '' }, doctor.token);
    expect(booked.plan.status).toBe('ACCEPTED');
    const step = booked.plan.steps[1];
    expect(step?.status).toBe('BOOKED');
    expect(step?.appointment?.reference).toBe(booked.appointmentReference);
    // From the step's planned date on, in the doctor's hours.
    expect(booked.startAt >= '2026-03-16').toBe(true);
    const { appointments } = await harness.call('appointments.ofPatient', { patientId }, staff);
    expect(appointments).toMatchObject([{ reference: booked.appointmentReference, type: 'FOLLOW_UP', status: 'SCHEDULED', doctor: { userId: doctor.userId }, startAt: booked.startAt }]);
    expect(appointments[0]?.reason).toMatch(/Post and core \(36\): step 2 of Restore lower left molar/);

    // The front desk books another step at a chosen slot, with another doctor.
    const { slots } = await harness.call('slots.list', { doctorUserId: otherDoctor.userId, fromDate: '2026-03-10', toDate: '2026-03-10' }, staff);
    const chosen = slots.find((slot) => slot.free)?.startAt ?? '';
    const byDesk = await harness.call('procedures.bookStep', { planId: plan.id, stepId: first?.id ?? '', doctorUserId: otherDoctor.userId, startAt: chosen }, staff);
    expect(byDesk.startAt).toBe(chosen);
    // The slot is now taken: booking the third step there is refused by the appointments' own check.
    const third = plan.steps[2];
    expect((await harness.fail('procedures.bookStep', { planId: plan.id, stepId: third?.id ?? '', doctorUserId: otherDoctor.userId, startAt: chosen }, staff)).code).toBe('CONFLICT');
    expect(sqlite().prepare(`select status from treatment_plan_steps where id = ?`).pluck().get(third?.id)).toBe('PLANNED');
  });

  it('records procedures in the encounter, marks the plan step done on signing, and bills them on completion', async () => {
    const patientId = await newPatient();
    const plan = await threeStepPlan(patientId);
    const encounter = await harness.call('consultation.startUnscheduled', { patientId }, doctor.token);
    const recorded = await harness.call('procedures.record', { encounterId: encounter.id, code: 'DEN-RCT-M', site: '36', notes: 'Three canals' }, doctor.token);
    expect(recorded.procedures).toMatchObject([{ code: 'DEN-RCT-M', site: '36', quantity: 1, unitPriceMinor: 400_00, planStepId: null }]);
    const xray = await harness.call('procedures.record', { encounterId: encounter.id, code: 'DEN-XRAY', site: '36', quantity: 2 }, doctor.token);
    const wrong = await harness.call('procedures.record', { encounterId: encounter.id, code: 'GEN-ECG' }, doctor.token);
    const ecg = wrong.procedures.find((procedure) => procedure.code === 'GEN-ECG');
    expect((await harness.call('procedures.remove', { encounterId: encounter.id, procedureId: ecg?.id ?? '' }, doctor.token)).procedures).toHaveLength(2);
    expect(xray.procedures).toHaveLength(2);
    expect((await harness.fail('procedures.record', { encounterId: encounter.id, code: 'DEN-EXT' }, doctor.token)).fields?.[0]?.field).toBe('site');
    expect((await harness.fail('procedures.record', { encounterId: encounter.id, code: 'DEN-EXT', site: '36' }, otherDoctor.token)).code).toBe('FORBIDDEN');
    expect((await harness.fail('procedures.record', { encounterId: encounter.id, code: 'DEN-CROWN', site: '36', planStepId: plan.steps[0]?.id ?? '' }, doctor.token)).message).toMatch(/not this procedure/);

    await signAndComplete(encounter.id);
    const [after] = (await harness.call('procedures.plansOfPatient', { patientId }, doctor.token)).plans;
    expect(after?.status).toBe('IN_PROGRESS');
    expect(after?.steps.map((step) => step.status)).toEqual(['DONE', 'PLANNED', 'PLANNED']);
    expect(after?.steps[0]?.doneEncounterId).toBe(encounter.id);
    expect(after?.progress).toEqual({ done: 1, of: 3 });
    const billed = sqlite().prepare(`select catalogue_code as code, description, quantity, unit_price_minor as price from encounter_billable_items where encounter_id = ? order by catalogue_code`).all(encounter.id);
    expect(billed).toEqual([
      { code: 'CONS-NEW', description: 'Consultation, new patient', quantity: 1, price: 50_00 },
      { code: 'DEN-RCT-M', description: 'Root canal treatment, molar (36)', quantity: 1, price: 400_00 },
      { code: 'DEN-XRAY', description: 'Intraoral radiograph (36)', quantity: 2, price: 15_00 },
    ]);
    expect((await harness.fail('procedures.record', { encounterId: encounter.id, code: 'DEN-EXAM' }, doctor.token)).code).toBe('CONFLICT');

    // The remaining steps carried out in a later visit, the second named explicitly: the plan completes.
    const later = await harness.call('consultation.startUnscheduled', { patientId }, doctor.token);
    await harness.call('procedures.record', { encounterId: later.id, code: 'DEN-POST', site: '36', planStepId: after?.steps[1]?.id ?? '' }, doctor.token);
    await harness.call('procedures.record', { encounterId: later.id, code: 'DEN-CROWN', site: '36' }, doctor.token);
    await signAndComplete(later.id);
    const [done] = (await harness.call('procedures.plansOfPatient', { patientId }, staff)).plans;
    expect(done?.status).toBe('COMPLETED');
    expect(done?.progress).toEqual({ done: 3, of: 3 });
  });

  it('lets only doctors write plans and procedures, the front desk read plans and book, and audits each without the text', async () => {
    const patientId = await newPatient();
    const plan = await harness.call('procedures.savePlan', { patientId, title: 'Private title', notes: 'Private notes' }, doctor.token);
    const withStep = await harness.call('procedures.saveStep', { planId: plan.id, code: 'DEN-SCALE' }, doctor.token);
    expect((await harness.fail('procedures.savePlan', { patientId, title: 'Nope' }, staff)).code).toBe('FORBIDDEN');
    expect((await harness.fail('procedures.saveStep', { planId: plan.id, code: 'DEN-SCALE' }, staff)).code).toBe('FORBIDDEN');
    expect((await harness.fail('procedures.plansOfPatient', { patientId }, pharmacist)).code).toBe('FORBIDDEN');
    expect((await harness.call('procedures.plansOfPatient', { patientId }, staff)).plans).toHaveLength(1);
    await harness.call('procedures.bookStep', { planId: plan.id, stepId: withStep.steps[0]?.id ?? '' }, staff);

    const audit = sqlite().prepare(`select action, entity_type as type, entity_id as id, detail from audit_log where outcome = 'SUCCESS' and action like 'procedures.%' and (entity_id = ? or entity_id = ?)`).all(plan.id, patientId) as { action: string; type: string; id: string; detail: string }[];
    expect(audit.map((row) => row.action).sort()).toEqual(['procedures.bookStep', 'procedures.plansOfPatient', 'procedures.savePlan', 'procedures.saveStep']);
    for (const row of audit) {
      expect(`${row.id} ${row.detail}`).toContain(patientId);
      expect(row.detail).not.toMatch(/Private/);
    }
    const denied = sqlite().prepare(`select count(*) from audit_log where outcome = 'DENIED' and action = 'procedures.savePlan'`).pluck().get() as number;
    expect(denied).toBeGreaterThan(0);
  });
});
