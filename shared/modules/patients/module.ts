import { defineSharedModule } from '../define.ts';
import { patientCalls } from './calls.ts';
import { duplicatePatientConflict } from './conflicts.ts';
import { patientSyncTables } from './sync-tables.ts';

export const patientsModule = defineSharedModule({ name: 'patients', calls: patientCalls, syncTables: patientSyncTables, conflicts: [duplicatePatientConflict] });
