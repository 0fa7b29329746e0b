import { bySubject, register, stateMachine, type SyncTableDeclarations } from '../../sync/tables.ts';
import { planStatusRanks, stepStatusRanks } from './plan.ts';

// Plans, their steps and the procedures performed follow the patient, like the rest of the chart.
// A plan and each step are state machines (statuses only move forward; other columns merge last
// writer per column), so two workstations editing one plan offline keep both edits: a renamed
// plan and a re-priced step, a new step and a booked one. A performed procedure is edited while
// its encounter is open and tombstoned when removed: a register.
export const proceduresSyncTables = {
  treatment_plans: stateMachine(bySubject('patient', 'patient_id'), 'status', planStatusRanks),
  treatment_plan_steps: stateMachine(bySubject('patient', 'patient_id'), 'status', stepStatusRanks),
  encounter_procedures: register(bySubject('patient', 'patient_id')),
} as const satisfies SyncTableDeclarations;
