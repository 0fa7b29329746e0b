// What other modules may use of the patients module's screens.
export { PatientPicker, type PickedPatient } from './PatientPicker.tsx';
