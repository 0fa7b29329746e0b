// What other modules may use of the patients module's shared part.
export { patientRecordSchema, type PatientRecord } from './calls.ts';
export { allergyStatuses, allergyStatusLabels, shownAllergyStatus } from './allergy-status.ts';
