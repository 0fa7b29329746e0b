// What other modules and the core may use of the consultation module.
export { encounterSummary } from './encounter-rows.ts';
