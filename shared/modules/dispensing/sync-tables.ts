import { bySubject, ledger, type SyncTableDeclarations } from '../../sync/tables.ts';

// A dispense and its lines follow the patient, like the prescription they fill: a pharmacy of
// another clinic of the patient sees what was already handed over. They are a ledger, written
// once and never changed, so two counters dispensing offline both keep theirs. The controlled
// register is the clinic's own book, a ledger too.
export const dispensingSyncTables = {
  dispenses: ledger(bySubject('patient', 'patient_id')),
  dispense_lines: ledger(bySubject('patient', 'patient_id')),
  controlled_register: ledger({ by: 'column', column: 'clinic_id' }),
} as const satisfies SyncTableDeclarations;
