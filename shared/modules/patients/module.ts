import { defineSharedModule } from '../define.ts';
import { patientCalls } from './calls.ts';
import { duplicatePatientConflict } from './conflicts.ts';
import { patientSubject, patientSyncTables } from './sync-tables.ts';

export const patientsModule = defineSharedModule({ name: 'patients', calls: patientCalls, subjects: [patientSubject], syncTables: patientSyncTables, conflicts: [duplicatePatientConflict] });
