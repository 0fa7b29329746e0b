// What other modules may use of the diagnosis-codes module's screens.
export { DiagnosisPicker } from './DiagnosisPicker.tsx';
export { useDiagnosisSearch } from './use-diagnosis-search.ts';
