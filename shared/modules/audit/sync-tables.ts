import { ledger, type SyncTableDeclarations } from '../../sync/tables.ts';

/** A sign-in has no clinic yet: its entry goes to the user's clinics, or the device's. */
export const auditSyncTables = {
  audit_log: ledger({ by: 'clinicOrUser', clinicColumn: 'clinic_id', userColumn: 'user_id' }),
} as const satisfies SyncTableDeclarations;
