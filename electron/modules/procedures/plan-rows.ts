import type { PatientId } from '#shared/domain/ids.ts';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { notFoundError } from '#shared/api/errors.ts';
import { planTotals, type PlanStep, type TreatmentPlan } from '#shared/modules/procedures/plan.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import { appointments, treatmentPlanSteps, treatmentPlans, users } from '../../db/schema/index.ts';
import { findPatient, isVisibleIn } from '../patients/index.ts';
import type { PlanStepRow, TreatmentPlanRow } from './tables.ts';

/** A plan of a patient this clinic sees (plans follow the patient, like the chart). */
export function requirePlan(db: Db, clinic: ClinicContext, planId: string): TreatmentPlanRow {
  const plan = db
    .select()
    .from(treatmentPlans)
    .where(and(eq(treatmentPlans.id, planId), isNull(treatmentPlans.deletedAt)))
    .get();
  const patient = plan === undefined ? undefined : findPatient(db, plan.patientId);
  if (plan === undefined || patient === undefined || !isVisibleIn(db, patient, clinic.clinicId)) throw notFoundError('No such treatment plan in this clinic.');
  return plan;
}

export function stepsOf(db: Db, planId: string): PlanStepRow[] {
  return db
    .select()
    .from(treatmentPlanSteps)
    .where(and(eq(treatmentPlanSteps.planId, planId), isNull(treatmentPlanSteps.deletedAt)))
    .orderBy(asc(treatmentPlanSteps.position), asc(treatmentPlanSteps.createdAt))
    .all();
}

export function requireStep(db: Db, plan: TreatmentPlanRow, stepId: string): PlanStepRow {
  const step = stepsOf(db, plan.id).find((candidate) => candidate.id === stepId);
  if (step === undefined) throw notFoundError('No such step in this treatment plan.');
  return step;
}

function stepViews(db: Db, planId: string): PlanStep[] {
  return db
    .select({ step: treatmentPlanSteps, appointment: { id: appointments.id, reference: appointments.reference, startAt: appointments.startAt, status: appointments.status } })
    .from(treatmentPlanSteps)
    .leftJoin(appointments, eq(appointments.id, treatmentPlanSteps.appointmentId))
    .where(and(eq(treatmentPlanSteps.planId, planId), isNull(treatmentPlanSteps.deletedAt)))
    .orderBy(asc(treatmentPlanSteps.position), asc(treatmentPlanSteps.createdAt))
    .all()
    .map(({ step, appointment }) => ({
      id: step.id,
      position: step.position,
      code: step.procedureCode,
      name: step.procedureName,
      site: step.site,
      plannedDate: step.plannedDate,
      status: step.status,
      estimatedCostMinor: step.estimatedCostMinor,
      notes: step.notes,
      appointment,
      doneEncounterId: step.doneEncounterId,
    }));
}

export function planView(db: Db, plan: TreatmentPlanRow): TreatmentPlan {
  const steps = stepViews(db, plan.id);
  const doctor = db.select({ fullName: users.fullName }).from(users).where(eq(users.id, plan.doctorUserId)).get();
  return {
    id: plan.id,
    patientId: plan.patientId,
    title: plan.title,
    notes: plan.notes,
    status: plan.status,
    doctor: { userId: plan.doctorUserId, fullName: doctor?.fullName ?? '' },
    createdAt: plan.createdAt,
    steps,
    ...planTotals(steps),
  };
}

export function planById(db: Db, planId: string): TreatmentPlan {
  const row = db.select().from(treatmentPlans).where(eq(treatmentPlans.id, planId)).get();
  if (row === undefined) throw new Error('treatment plan vanished');
  return planView(db, row);
}

/** The plans of a person (every record merged into theirs too), newest first. */
export function plansOfPatients(db: Db, patientIds: readonly PatientId[]): TreatmentPlan[] {
  return db
    .select()
    .from(treatmentPlans)
    .where(and(inArray(treatmentPlans.patientId, [...patientIds]), isNull(treatmentPlans.deletedAt)))
    .orderBy(desc(treatmentPlans.createdAt), desc(treatmentPlans.id))
    .all()
    .map((row) => planView(db, row));
}
