import { bySubject, ledger, register, stateMachine, type SyncTableDeclarations } from '../../sync/tables.ts';

/** A prescription only moves forward: a draft becomes signed with its encounter, never back. */
export const prescriptionStatusRanks = { DRAFT: 0, SIGNED: 1 } as const;

// Prescriptions follow the patient, like the rest of the chart. Draft lines are edited while the
// encounter is open (last writer per column); signing copies them into insert-only lines that no
// merge can rewrite.
export const prescriptionsSyncTables = {
  prescriptions: stateMachine(bySubject('patient', 'patient_id'), 'status', prescriptionStatusRanks),
  prescription_draft_lines: register(bySubject('patient', 'patient_id')),
  prescription_lines: ledger(bySubject('patient', 'patient_id')),
} as const satisfies SyncTableDeclarations;
