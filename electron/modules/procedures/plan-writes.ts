import type { PatientId } from '#shared/domain/ids.ts';
import { and, eq, inArray } from 'drizzle-orm';
import { conflictError, validationError } from '#shared/api/errors.ts';
import { catalogueProcedure, type CatalogueProcedure } from '#shared/modules/procedures/catalogue.ts';
import { canMovePlan, isPlanOpen, isStepPending, planStatusLabels, type PlanStatus } from '#shared/modules/procedures/plan.ts';
import { siteProblem } from '#shared/modules/procedures/site.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import { treatmentPlanSteps, treatmentPlans } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { stepsOf } from './plan-rows.ts';
import type { PlanStepRow, TreatmentPlanRow } from './tables.ts';

export type PlanText = { readonly title: string; readonly notes: string };
export type StepInput = { readonly code: string; readonly site: string; readonly plannedDate: string | null; readonly estimatedCostMinor: number | null; readonly notes: string };

/** The catalogue's procedure for a code, with the tooth or site it needs. */
export function requireProcedure(code: string, site: string): CatalogueProcedure {
  const procedure = catalogueProcedure(code);
  if (procedure === undefined) throw validationError('code', `${code} is not in the procedure catalogue.`);
  const problem = siteProblem(procedure, site);
  if (problem !== null) throw validationError('site', problem);
  return procedure;
}

export function requireOpen(plan: TreatmentPlanRow): void {
  if (!isPlanOpen(plan.status)) throw conflictError(`This plan is ${planStatusLabels[plan.status].toLowerCase()}; start a new plan instead.`);
}

export function createPlan(tx: Db, clinic: ClinicContext, patientId: PatientId, text: PlanText): string {
  const id = newId();
  const now = isoAt(clinic.nowMs);
  tx.insert(treatmentPlans)
    .values({ id, clinicId: clinic.clinicId, patientId, doctorUserId: clinic.userId, title: text.title, notes: text.notes, status: 'PROPOSED', createdAt: now, updatedAt: now })
    .run();
  return id;
}

export function renamePlan(tx: Db, plan: TreatmentPlanRow, text: PlanText, nowMs: number): void {
  requireOpen(plan);
  tx.update(treatmentPlans).set({ title: text.title, notes: text.notes, updatedAt: isoAt(nowMs) }).where(eq(treatmentPlans.id, plan.id)).run();
}

function setPlanStatus(tx: Db, planId: string, status: PlanStatus, nowMs: number): void {
  tx.update(treatmentPlans).set({ status, updatedAt: isoAt(nowMs) }).where(eq(treatmentPlans.id, planId)).run();
}

/**
 * A person moves a plan on. A plan completes only when no step is pending; cancelling a plan
 * cancels its pending steps (a booked appointment stays for the front desk to cancel or keep).
 */
export function movePlan(tx: Db, plan: TreatmentPlanRow, to: PlanStatus, nowMs: number): void {
  if (!canMovePlan(plan.status, to)) throw conflictError(`A plan that is ${planStatusLabels[plan.status].toLowerCase()} cannot become ${planStatusLabels[to].toLowerCase()}.`, 'status');
  const pending = stepsOf(tx, plan.id).filter((step) => isStepPending(step.status));
  if (to === 'COMPLETED' && pending.length > 0) throw conflictError(`${String(pending.length)} step(s) are still to do; carry them out or cancel them first.`, 'status');
  if (to === 'CANCELLED' && pending.length > 0) {
    tx.update(treatmentPlanSteps)
      .set({ status: 'CANCELLED', updatedAt: isoAt(nowMs) })
      .where(inArray(treatmentPlanSteps.id, pending.map((step) => step.id)))
      .run();
  }
  setPlanStatus(tx, plan.id, to, nowMs);
}

/**
 * The plan's status as its steps say: in progress once a step is done, completed once every step
 * not cancelled is done. Only forward, and never for a plan already ended.
 */
export function settlePlan(tx: Db, planId: string, nowMs: number): void {
  const plan = tx.select().from(treatmentPlans).where(eq(treatmentPlans.id, planId)).get();
  if (plan === undefined || !isPlanOpen(plan.status)) return;
  const counted = stepsOf(tx, planId).filter((step) => step.status !== 'CANCELLED');
  const done = counted.filter((step) => step.status === 'DONE').length;
  if (counted.length > 0 && done === counted.length) setPlanStatus(tx, planId, 'COMPLETED', nowMs);
  else if (done > 0 && plan.status !== 'IN_PROGRESS') setPlanStatus(tx, planId, 'IN_PROGRESS', nowMs);
}

/** Booking a step is the patient's agreement to the plan: a proposed plan becomes accepted. */
export function acceptOnBooking(tx: Db, plan: TreatmentPlanRow, nowMs: number): void {
  if (plan.status === 'PROPOSED') setPlanStatus(tx, plan.id, 'ACCEPTED', nowMs);
}

export function requirePending(step: PlanStepRow): void {
  if (!isStepPending(step.status)) throw conflictError(`Step ${String(step.position)} is ${step.status === 'DONE' ? 'done' : 'cancelled'}; it cannot change.`);
}

/** Adds a step at the end of an open plan, or changes a pending one. */
export function saveStep(tx: Db, plan: TreatmentPlanRow, step: PlanStepRow | null, input: StepInput, nowMs: number): string {
  requireOpen(plan);
  const procedure = requireProcedure(input.code, input.site);
  const now = isoAt(nowMs);
  const values = {
    procedureCode: procedure.code,
    procedureName: procedure.name,
    site: input.site,
    plannedDate: input.plannedDate,
    estimatedCostMinor: input.estimatedCostMinor ?? procedure.defaultPriceMinor,
    notes: input.notes,
    updatedAt: now,
  };
  if (step !== null) {
    requirePending(step);
    tx.update(treatmentPlanSteps).set(values).where(eq(treatmentPlanSteps.id, step.id)).run();
    return step.id;
  }
  const id = newId();
  const position = Math.max(0, ...stepsOf(tx, plan.id).map((existing) => existing.position)) + 1;
  tx.insert(treatmentPlanSteps)
    .values({ id, planId: plan.id, patientId: plan.patientId, position, status: 'PLANNED', createdAt: now, ...values })
    .run();
  return id;
}

export function cancelStep(tx: Db, plan: TreatmentPlanRow, step: PlanStepRow, nowMs: number): void {
  requireOpen(plan);
  requirePending(step);
  tx.update(treatmentPlanSteps).set({ status: 'CANCELLED', updatedAt: isoAt(nowMs) }).where(eq(treatmentPlanSteps.id, step.id)).run();
  settlePlan(tx, plan.id, nowMs);
}

/** A step carried out in an encounter: done, with the encounter's link, and its plan moves on. */
export function markStepDone(tx: Db, step: PlanStepRow, encounterId: string, nowMs: number): void {
  tx.update(treatmentPlanSteps)
    .set({ status: 'DONE', doneEncounterId: encounterId, updatedAt: isoAt(nowMs) })
    .where(and(eq(treatmentPlanSteps.id, step.id), inArray(treatmentPlanSteps.status, ['PLANNED', 'BOOKED'])))
    .run();
  settlePlan(tx, step.planId, nowMs);
}
