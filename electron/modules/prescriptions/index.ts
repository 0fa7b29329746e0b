// What other modules and the core may use of the prescriptions module.
export { prescriptionOfEncounter, prescriptionView, signedPrescriptionsOf } from './prescription-rows.ts';
