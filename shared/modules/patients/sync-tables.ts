import { register, type SyncTableDeclarations } from '../../sync/tables.ts';

export const patientSyncTables = {
  patients: register({ by: 'patient', column: 'id' }),
  patient_clinics: register({ by: 'patient', column: 'patient_id' }),
  patient_allergies: register({ by: 'patient', column: 'patient_id' }),
  patient_conditions: register({ by: 'patient', column: 'patient_id' }),
} as const satisfies SyncTableDeclarations;
