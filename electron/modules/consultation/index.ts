// What other modules and the core may use of the consultation module.
export { encounterSummary } from './encounter-rows.ts';
export { requireEncounter } from './encounter-rows.ts';
export { addSigningStep, type EncounterSigner, type SigningStep } from './signing-steps.ts';
export type { EncounterRow } from './tables.ts';
export { requireTreatablePatient } from './start-encounter.ts';
export { addCompletionItems, type CompletionItem, type CompletionItemSource } from './completion-items.ts';
