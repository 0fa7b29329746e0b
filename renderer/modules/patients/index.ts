// What other modules may use of the patients module's screens.
export { PatientPicker, type PickedPatient } from './PatientPicker.tsx';
export { PatientFormModal } from './PatientFormModal.tsx';
export { draftFromSearch } from './patient-draft.ts';
export { AllergyBanner } from './AllergyBanner.tsx';
