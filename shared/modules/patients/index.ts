import { defineSharedModule } from '../define.ts';
import { duplicatePatientConflict } from './conflicts.ts';
import { patientSyncTables } from './sync-tables.ts';

export const patientsModule = defineSharedModule({ name: 'patients', syncTables: patientSyncTables, conflicts: [duplicatePatientConflict] });
