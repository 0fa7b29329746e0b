import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { planStatuses, stepStatuses } from '#shared/modules/procedures/plan.ts';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { appointments } from '../appointments/tables.ts';
import { clinics } from '../clinics/tables.ts';
import { encounters } from '../consultation/tables.ts';
import { syncedRowColumns } from '../../db/schema/columns.ts';
import { patients } from '../patients/tables.ts';
import { users } from '../users/tables.ts';

/** A patient's treatment over several visits, proposed by a doctor. Its total is derived from its steps. */
export const treatmentPlans = sqliteTable(
  'treatment_plans',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    doctorUserId: text('doctor_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: planStatuses }).notNull().default('PROPOSED'),
    ...syncedRowColumns,
  },
  (table) => [index('treatment_plans_patient_idx').on(table.patientId, table.createdAt), check('treatment_plans_status_check', sql`${table.status} in ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')`)],
);

/** One procedure of a plan, with its planned date and estimated cost; booked as an appointment, done in an encounter. */
export const treatmentPlanSteps = sqliteTable(
  'treatment_plan_steps',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => treatmentPlans.id),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    position: integer('position').notNull(),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    /** A tooth (FDI number) or a body site; empty when the procedure takes none. */
    site: text('site').notNull().default(''),
    /** YYYY-MM-DD in the clinic's zone. */
    plannedDate: text('planned_date'),
    status: text('status', { enum: stepStatuses }).notNull().default('PLANNED'),
    /** Minor units of the clinic's currency. */
    estimatedCostMinor: integer('estimated_cost_minor').notNull(),
    notes: text('notes').notNull().default(''),
    appointmentId: text('appointment_id').references(() => appointments.id),
    doneEncounterId: text('done_encounter_id').references(() => encounters.id),
    ...syncedRowColumns,
  },
  (table) => [
    index('treatment_plan_steps_plan_idx').on(table.planId, table.position),
    index('treatment_plan_steps_patient_idx').on(table.patientId, table.procedureCode),
    check('treatment_plan_steps_status_check', sql`${table.status} in ('PLANNED', 'BOOKED', 'DONE', 'CANCELLED')`),
    check('treatment_plan_steps_cost_check', sql`${table.estimatedCostMinor} >= 0`),
  ],
);

/** A procedure performed in an encounter; billed, at its price as recorded, when the encounter completes. */
export const encounterProcedures = sqliteTable(
  'encounter_procedures',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    encounterId: text('encounter_id')
      .notNull()
      .references(() => encounters.id),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    site: text('site').notNull().default(''),
    notes: text('notes').notNull().default(''),
    quantity: integer('quantity').notNull(),
    /** Minor units of the clinic's currency. */
    unitPriceMinor: integer('unit_price_minor').notNull(),
    planStepId: text('plan_step_id').references(() => treatmentPlanSteps.id),
    performedByUserId: text('performed_by_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    ...syncedRowColumns,
  },
  (table) => [
    index('encounter_procedures_encounter_idx').on(table.encounterId),
    index('encounter_procedures_patient_idx').on(table.patientId),
    check('encounter_procedures_quantity_check', sql`${table.quantity} > 0`),
    check('encounter_procedures_price_check', sql`${table.unitPriceMinor} >= 0`),
  ],
);

export type TreatmentPlanRow = typeof treatmentPlans.$inferSelect;
export type PlanStepRow = typeof treatmentPlanSteps.$inferSelect;
export type EncounterProcedureRow = typeof encounterProcedures.$inferSelect;
