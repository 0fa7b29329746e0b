// What other modules may use of the consultation module's shared part.
export { vitalDefinitions, type VitalKind } from './vitals.ts';
export type { EncounterSummary, VitalReading } from './calls.ts';
export type { EncounterStatus } from './encounter.ts';
