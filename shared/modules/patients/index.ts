// What other modules may use of the patients module's shared part.
export { patientRecordSchema, type PatientRecord } from './calls.ts';
export { allergyStatusLabels } from './allergy-status.ts';
