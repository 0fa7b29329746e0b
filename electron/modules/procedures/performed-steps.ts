import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { EncounterRow, EncounterSigner, ExtraBillable } from '../consultation/index.ts';
import type { Db } from '../../db/database.ts';
import { encounterProcedures, treatmentPlanSteps, treatmentPlans } from '../../db/schema/index.ts';
import { mergeSetOf } from '../patients/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { markStepDone } from './plan-writes.ts';
import { liveProceduresOf } from './procedure-rows.ts';
import type { PlanStepRow } from './tables.ts';

/**
 * The patient's pending steps of open plans, the likeliest first: the one booked for this
 * encounter's appointment, then by plan age and position.
 */
function pendingSteps(tx: Db, encounter: EncounterRow): PlanStepRow[] {
  const steps = tx
    .select({ step: treatmentPlanSteps })
    .from(treatmentPlanSteps)
    .innerJoin(treatmentPlans, eq(treatmentPlans.id, treatmentPlanSteps.planId))
    .where(
      and(
        inArray(treatmentPlanSteps.patientId, mergeSetOf(tx, encounter.patientId)),
        inArray(treatmentPlanSteps.status, ['PLANNED', 'BOOKED']),
        inArray(treatmentPlans.status, ['PROPOSED', 'ACCEPTED', 'IN_PROGRESS']),
        isNull(treatmentPlanSteps.deletedAt),
        isNull(treatmentPlans.deletedAt),
      ),
    )
    .orderBy(asc(treatmentPlans.createdAt), asc(treatmentPlanSteps.position))
    .all()
    .map(({ step }) => step);
  const forThisVisit = steps.filter((step) => encounter.appointmentId !== null && step.appointmentId === encounter.appointmentId);
  return [...forThisVisit, ...steps.filter((step) => !forThisVisit.includes(step))];
}

/**
 * Signing the encounter makes its procedures part of the record, so the plan steps they carry out
 * are done: the step named when recording, else the patient's likeliest pending step of the same
 * procedure (and tooth or site, when the step names one). A step no longer pending is left alone.
 */
export function markPerformedSteps(tx: Db, encounter: EncounterRow, signer: EncounterSigner): void {
  const procedures = liveProceduresOf(tx, encounter.id);
  if (procedures.length === 0) return;
  const pending = pendingSteps(tx, encounter);
  for (const procedure of procedures) {
    const named = procedure.planStepId === null ? undefined : pending.find((step) => step.id === procedure.planStepId);
    const step = named ?? (procedure.planStepId === null ? pending.find((candidate) => candidate.procedureCode === procedure.procedureCode && (candidate.site === '' || candidate.site === procedure.site)) : undefined);
    if (step === undefined) continue;
    pending.splice(pending.indexOf(step), 1);
    if (procedure.planStepId === null) tx.update(encounterProcedures).set({ planStepId: step.id, updatedAt: isoAt(signer.nowMs) }).where(eq(encounterProcedures.id, procedure.id)).run();
    markStepDone(tx, step, encounter.id, signer.nowMs);
  }
}

/** What the encounter's procedures bill when it completes, at their prices as recorded. */
export function procedureItems(tx: Db, encounter: EncounterRow): ExtraBillable[] {
  return liveProceduresOf(tx, encounter.id).map((procedure) => ({
    code: procedure.procedureCode,
    description: procedure.site === '' ? procedure.procedureName : `${procedure.procedureName} (${procedure.site})`,
    quantity: procedure.quantity,
    unitPriceMinor: procedure.unitPriceMinor,
  }));
}
