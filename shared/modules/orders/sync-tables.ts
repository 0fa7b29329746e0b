import { bySubject, register, stateMachine, type SyncTableDeclarations } from '../../sync/tables.ts';
import { orderStatusRanks } from './status.ts';

// Orders and their results follow the patient, like the rest of the chart. An order's status
// merges by rank (status.ts); its results are registers keyed by order and item, so two
// workstations typing the same item while apart end with one row, the later edit per column.
export const ordersSyncTables = {
  diagnostic_orders: stateMachine(bySubject('patient', 'patient_id'), 'status', orderStatusRanks),
  diagnostic_results: register(bySubject('patient', 'patient_id')),
} as const satisfies SyncTableDeclarations;
