// What other modules and the core may use of the diagnosis-codes module.
export { diagnosisCodeOf, searchDiagnosisCodes } from './code-search.ts';
