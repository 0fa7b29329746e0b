import { clinicContextOf } from '../../api/clinic-context.ts';
import type { CallContext, Handlers } from '../../api/context.ts';
import { appointmentById } from '../appointments/index.ts';
import { requireEncounter, requireTreatablePatient } from '../consultation/index.ts';
import { mergeSetOf } from '../patients/index.ts';
import { planById, plansOfPatients, requirePlan, requireStep } from './plan-rows.ts';
import { cancelStep, createPlan, movePlan, renamePlan, saveStep } from './plan-writes.ts';
import { proceduresOfEncounter } from './procedure-rows.ts';
import { recordProcedure, removeProcedure } from './procedure-writes.ts';
import { bookStep } from './step-booking.ts';
import type { TreatmentPlanRow } from './tables.ts';

// What the audit keeps of a plan change: which plan of which patient, never its text.
function planAudit(plan: Pick<TreatmentPlanRow, 'id' | 'patientId'>, detail: Readonly<Record<string, string | null>> = {}) {
  return { entityType: 'treatment_plan', entityId: plan.id, detail: { patientId: plan.patientId, ...detail } };
}

function encounterOf(ctx: CallContext, encounterId: string) {
  const clinic = clinicContextOf(ctx);
  return { clinic, encounter: requireEncounter(ctx.db, clinic.clinicId, encounterId) };
}

export const proceduresHandlers = {
  'procedures.ofEncounter': (ctx, input) => {
    const { encounter } = encounterOf(ctx, input.encounterId);
    // Reading what was done to a patient is a read of their record.
    ctx.write(() => null, { entityType: 'encounter', entityId: encounter.id, detail: { patientId: encounter.patientId, procedures: true } });
    return { procedures: proceduresOfEncounter(ctx.db, encounter.id) };
  },

  'procedures.record': (ctx, input) => {
    const { clinic, encounter } = encounterOf(ctx, input.encounterId);
    const { encounterId, ...procedure } = input;
    ctx.write(
      (tx) => recordProcedure(tx, encounter, clinic, procedure),
      (procedureId) => ({ entityType: 'encounter', entityId: encounterId, detail: { patientId: encounter.patientId, procedureId, code: input.code, planStepId: input.planStepId } }),
    );
    return { procedures: proceduresOfEncounter(ctx.db, encounter.id) };
  },

  'procedures.remove': (ctx, input) => {
    const { clinic, encounter } = encounterOf(ctx, input.encounterId);
    ctx.write((tx) => removeProcedure(tx, encounter, clinic, input.procedureId), { entityType: 'encounter', entityId: encounter.id, detail: { patientId: encounter.patientId, removedProcedureId: input.procedureId } });
    return { procedures: proceduresOfEncounter(ctx.db, encounter.id) };
  },

  'procedures.plansOfPatient': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const patient = requireTreatablePatient(ctx.db, clinic, input.patientId);
    ctx.write(() => null, { entityType: 'patient', entityId: patient.id, detail: { treatmentPlans: true } });
    return { plans: plansOfPatients(ctx.db, mergeSetOf(ctx.db, patient.id)) };
  },

  'procedures.savePlan': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const text = { title: input.title, notes: input.notes };
    if (input.planId === null) {
      const patient = requireTreatablePatient(ctx.db, clinic, input.patientId);
      const id = ctx.write(
        (tx) => createPlan(tx, clinic, patient.id, text),
        (planId) => planAudit({ id: planId, patientId: patient.id }),
      );
      return planById(ctx.db, id);
    }
    const plan = requirePlan(ctx.db, clinic, input.planId);
    ctx.write((tx) => renamePlan(tx, plan, text, clinic.nowMs), planAudit(plan));
    return planById(ctx.db, plan.id);
  },

  'procedures.movePlan': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const plan = requirePlan(ctx.db, clinic, input.planId);
    ctx.write((tx) => movePlan(tx, plan, input.status, clinic.nowMs), planAudit(plan, { from: plan.status, to: input.status }));
    return planById(ctx.db, plan.id);
  },

  'procedures.saveStep': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const plan = requirePlan(ctx.db, clinic, input.planId);
    const step = input.stepId === null ? null : requireStep(ctx.db, plan, input.stepId);
    const { planId, stepId, ...values } = input;
    ctx.write(
      (tx) => saveStep(tx, plan, step, values, clinic.nowMs),
      (savedId) => planAudit({ id: planId, patientId: plan.patientId }, { stepId: savedId, code: values.code, changed: stepId }),
    );
    return planById(ctx.db, plan.id);
  },

  'procedures.cancelStep': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const plan = requirePlan(ctx.db, clinic, input.planId);
    const step = requireStep(ctx.db, plan, input.stepId);
    ctx.write((tx) => cancelStep(tx, plan, step, clinic.nowMs), planAudit(plan, { cancelledStepId: step.id }));
    return planById(ctx.db, plan.id);
  },

  'procedures.bookStep': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const plan = requirePlan(ctx.db, clinic, input.planId);
    const step = requireStep(ctx.db, plan, input.stepId);
    const appointmentId = ctx.write(
      (tx) => bookStep(tx, clinic, ctx.deviceId, plan, step, { doctorUserId: input.doctorUserId, startAt: input.startAt }),
      (booked) => planAudit(plan, { stepId: step.id, appointmentId: booked }),
    );
    const appointment = appointmentById(ctx.db, appointmentId);
    if (appointment === undefined) throw new Error('booked appointment vanished');
    return { plan: planById(ctx.db, plan.id), appointmentReference: appointment.reference, startAt: appointment.startAt };
  },
} satisfies Partial<Handlers>;
