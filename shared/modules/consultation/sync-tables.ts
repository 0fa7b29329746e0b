import { bySubject, ledger, register, stateMachine, type SyncTableDeclarations } from '../../sync/tables.ts';

/**
 * An encounter only moves forward: opened, signed, completed. Merging by rank means a stale
 * "open" from a workstation that was apart never reopens a signed encounter.
 */
export const encounterStatusRanks = { OPEN: 0, SIGNED: 1, COMPLETED: 2 } as const;

// Clinical rows follow the patient (the chart is the patient's, in every clinic that sees them).
// Signed notes, their diagnoses, vitals and billable items are insert-only: no merge can rewrite
// them. A draft belongs to the workstation that wrote it (one row per workstation and encounter),
// so two workstations editing offline never overwrite each other; the core shows the divergence.
export const consultationSyncTables = {
  encounters: stateMachine(bySubject('patient', 'patient_id'), 'status', encounterStatusRanks),
  encounter_vitals: ledger(bySubject('patient', 'patient_id')),
  encounter_note_drafts: register(bySubject('patient', 'patient_id'), 'id', { authorColumn: 'device_id' }),
  encounter_notes: ledger(bySubject('patient', 'patient_id')),
  encounter_diagnoses: ledger(bySubject('patient', 'patient_id')),
  encounter_billable_items: ledger({ by: 'column', column: 'clinic_id' }),
  note_templates: register({ by: 'column', column: 'clinic_id' }),
} as const satisfies SyncTableDeclarations;
