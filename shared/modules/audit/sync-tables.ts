import { ledger, type SyncTableDeclarations } from '../../sync/tables.ts';

/** A sign-in has no clinic yet: its entry goes to the user's clinics, or the device's. */
export const auditSyncTables = {
  audit_log: ledger({ by: 'clinicOrSubject', clinicColumn: 'clinic_id', subject: 'user', subjectColumn: 'user_id' }, { authorColumn: 'device_id' }),
} as const satisfies SyncTableDeclarations;
