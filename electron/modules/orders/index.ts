// What other modules and the core may use of the orders module.
export { chartResultsOf, orderRowsOfEncounter, orderViews } from './order-rows.ts';
