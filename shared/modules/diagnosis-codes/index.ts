// What other modules may use of the diagnosis-codes module.
export { diagnosisCodeSchema, type DiagnosisCode } from './calls.ts';
export { formatIcdCode } from './code-format.ts';
