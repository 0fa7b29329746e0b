// What other modules and the core may use of the patients module.
export { findPatient, isVisibleIn, mergeSetOf, recordOf } from './patient-rows.ts';
