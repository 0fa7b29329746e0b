import { z } from 'zod';
import { localDateSchema, optionalText, requiredText, uuidSchema } from '../../domain/fields.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';
import { procedureCodes } from './catalogue.ts';
import { performedProcedureSchema } from './performed.ts';
import { planStatuses, treatmentPlanSchema } from './plan.ts';

const encounterId = uuidSchema;
const planId = z.uuid({ error: 'Choose a treatment plan' });
const code = z.enum(procedureCodes, { error: 'Choose a procedure from the catalogue' });
const site = optionalText('Tooth or site', 40);
const doctors = rolesAccess('DOCTOR');

const priceMinor = z
  .number({ error: 'The cost must be a number' })
  .int({ error: 'The cost is in the smallest unit of the currency (cents): a whole number' })
  .min(0, { error: 'The cost cannot be negative' })
  .max(100_000_000, { error: 'The cost is too large' });

const plansOutput = z.object({ plans: z.array(treatmentPlanSchema) });
const proceduresOutput = z.object({ procedures: z.array(performedProcedureSchema) });

// Doctors record procedures and write plans; the front desk reads plans and books their steps.
export const proceduresCalls = {
  'procedures.ofEncounter': defineCall({
    access: doctors,
    effect: 'read',
    input: z.object({ encounterId }).strict(),
    output: proceduresOutput,
  }),
  /** Adds a procedure performed in an open encounter, or changes one (procedureId). */
  'procedures.record': defineCall({
    access: doctors,
    effect: 'write',
    input: z
      .object({
        encounterId,
        procedureId: uuidSchema.nullable().default(null),
        code,
        site,
        notes: optionalText('Notes', 1000),
        quantity: z.number({ error: 'Quantity must be a number' }).int({ error: 'Quantity is a whole number' }).min(1, { error: 'At least one' }).max(100, { error: 'At most 100' }).default(1),
        /** The plan step it carries out; without one, signing links it to the patient's next pending step of the same procedure. */
        planStepId: uuidSchema.nullable().default(null),
      })
      .strict(),
    output: proceduresOutput,
  }),
  'procedures.remove': defineCall({
    access: doctors,
    effect: 'write',
    input: z.object({ encounterId, procedureId: uuidSchema }).strict(),
    output: proceduresOutput,
  }),
  /** A patient's treatment plans with their steps, newest first. */
  'procedures.plansOfPatient': defineCall({
    access: rolesAccess('DOCTOR', 'STAFF'),
    effect: 'read',
    input: z.object({ patientId: z.uuid({ error: 'Choose a patient' }).brand<'PatientId'>() }).strict(),
    output: plansOutput,
  }),
  /** Starts a plan for a patient (proposed), or renames one (planId). */
  'procedures.savePlan': defineCall({
    access: doctors,
    effect: 'write',
    input: z
      .object({
        planId: planId.nullable().default(null),
        patientId: z.uuid({ error: 'Choose a patient' }).brand<'PatientId'>(),
        title: requiredText('Title', 120),
        notes: optionalText('Notes', 1000),
      })
      .strict(),
    output: treatmentPlanSchema,
  }),
  'procedures.movePlan': defineCall({
    access: doctors,
    effect: 'write',
    input: z.object({ planId, status: z.enum(planStatuses, { error: 'Choose a status' }) }).strict(),
    output: treatmentPlanSchema,
  }),
  /** Adds a step to an open plan, or changes a pending one (stepId). A null cost takes the catalogue's price. */
  'procedures.saveStep': defineCall({
    access: doctors,
    effect: 'write',
    input: z
      .object({
        planId,
        stepId: uuidSchema.nullable().default(null),
        code,
        site,
        plannedDate: localDateSchema.nullable().default(null),
        estimatedCostMinor: priceMinor.nullable().default(null),
        notes: optionalText('Notes', 500),
      })
      .strict(),
    output: treatmentPlanSchema,
  }),
  'procedures.cancelStep': defineCall({
    access: doctors,
    effect: 'write',
    input: z.object({ planId, stepId: uuidSchema }).strict(),
    output: treatmentPlanSchema,
  }),
  /**
   * Books a pending step as a follow-up appointment: at the chosen slot, or at the doctor's next
   * free one. The step becomes booked with the appointment's link (a booked step booked again
   * moves to the new appointment; the old one stays for the front desk to cancel).
   */
  'procedures.bookStep': defineCall({
    access: rolesAccess('DOCTOR', 'STAFF'),
    effect: 'write',
    input: z
      .object({
        planId,
        stepId: uuidSchema,
        /** The plan's doctor when absent. */
        doctorUserId: z.uuid({ error: 'Choose a doctor' }).brand<'UserId'>().optional(),
        startAt: z.iso.datetime({ error: 'Choose a time slot' }).nullable().default(null),
      })
      .strict(),
    output: z.object({ plan: treatmentPlanSchema, appointmentReference: z.string(), startAt: z.string() }),
  }),
};
