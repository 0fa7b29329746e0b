// What other modules and the core may use of the prescriptions module.
export { prescriptionOfEncounter, prescriptionView, signedPrescriptionsOf } from './prescription-rows.ts';
export { checkLines, type CheckScope } from './safety-checks.ts';
export type { PrescriptionRow } from './tables.ts';
