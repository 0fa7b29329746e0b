// What other modules may use of the procedures module's shared part.
export { catalogueProcedure, procedureCatalogue, type CatalogueProcedure } from './catalogue.ts';
export type { PerformedProcedure } from './performed.ts';
export { planTotals, type PlanStep, type TreatmentPlan } from './plan.ts';
