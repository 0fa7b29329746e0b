import { and, eq, inArray, isNull } from 'drizzle-orm';
import { conflictError, forbiddenError, notFoundError } from '#shared/api/errors.ts';
import { isStepPending } from '#shared/modules/procedures/plan.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { EncounterRow } from '../consultation/index.ts';
import type { Db } from '../../db/database.ts';
import { encounterProcedures, treatmentPlanSteps } from '../../db/schema/index.ts';
import { mergeSetOf } from '../patients/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { liveProceduresOf } from './procedure-rows.ts';
import { requireProcedure } from './plan-writes.ts';

export type RecordedProcedure = {
  readonly procedureId: string | null;
  readonly code: string;
  readonly site: string;
  readonly notes: string;
  readonly quantity: number;
  readonly planStepId: string | null;
};

/** Only the encounter's own doctor records what it performed, and only while it is open. */
export function requireRecordable(encounter: EncounterRow, clinic: ClinicContext): void {
  if (encounter.doctorUserId !== clinic.userId) throw forbiddenError('Only the doctor of this encounter records its procedures.');
  if (encounter.status !== 'OPEN') throw conflictError('This encounter is signed; its procedures can no longer change.');
}

/** A step the procedure carries out: the patient's, pending, and of the same procedure. */
function requireMatchingStep(tx: Db, encounter: EncounterRow, stepId: string, code: string): void {
  const step = tx
    .select()
    .from(treatmentPlanSteps)
    .where(and(eq(treatmentPlanSteps.id, stepId), inArray(treatmentPlanSteps.patientId, mergeSetOf(tx, encounter.patientId)), isNull(treatmentPlanSteps.deletedAt)))
    .get();
  if (step === undefined) throw notFoundError('No such step in this patient’s treatment plans.');
  if (!isStepPending(step.status)) throw conflictError(`Step ${String(step.position)} of that plan is no longer to do.`, 'planStepId');
  if (step.procedureCode !== code) throw conflictError(`That step is ${step.procedureName}, not this procedure.`, 'planStepId');
}

/** Records a procedure performed in the encounter, at the catalogue's price, or changes one. */
export function recordProcedure(tx: Db, encounter: EncounterRow, clinic: ClinicContext, input: RecordedProcedure): string {
  requireRecordable(encounter, clinic);
  const procedure = requireProcedure(input.code, input.site);
  if (input.planStepId !== null) requireMatchingStep(tx, encounter, input.planStepId, procedure.code);
  const now = isoAt(clinic.nowMs);
  const values = { procedureCode: procedure.code, procedureName: procedure.name, site: input.site, notes: input.notes, quantity: input.quantity, unitPriceMinor: procedure.defaultPriceMinor, planStepId: input.planStepId, updatedAt: now };
  if (input.procedureId !== null) {
    const held = liveProceduresOf(tx, encounter.id).find((row) => row.id === input.procedureId);
    if (held === undefined) throw notFoundError('No such procedure in this encounter.');
    tx.update(encounterProcedures).set(values).where(eq(encounterProcedures.id, held.id)).run();
    return held.id;
  }
  const id = newId();
  tx.insert(encounterProcedures)
    .values({ id, clinicId: clinic.clinicId, encounterId: encounter.id, patientId: encounter.patientId, performedByUserId: clinic.userId, createdAt: now, ...values })
    .run();
  return id;
}

export function removeProcedure(tx: Db, encounter: EncounterRow, clinic: ClinicContext, procedureId: string): void {
  requireRecordable(encounter, clinic);
  const held = liveProceduresOf(tx, encounter.id).find((row) => row.id === procedureId);
  if (held === undefined) throw notFoundError('No such procedure in this encounter.');
  const now = isoAt(clinic.nowMs);
  tx.update(encounterProcedures).set({ deletedAt: now, updatedAt: now }).where(eq(encounterProcedures.id, held.id)).run();
}
