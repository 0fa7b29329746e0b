// What other modules and the core may use of the procedures module.
export { plansOfPatients } from './plan-rows.ts';
