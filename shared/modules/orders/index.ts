// What other modules may use of the orders module's shared part.
export type { CatalogueTest, TestComponent, ReferenceRange } from './catalogue-types.ts';
export { catalogueTest, orderCatalogue, rangeFor, searchCatalogue } from './catalogue.ts';
export { computedFlag, isAbnormal, rangeText, resultFlagLabels, resultFlags, type ResultFlag } from './flags.ts';
export type { ChartResult, OpenOrder, Order, OrderResult, ResultInput } from './order.ts';
export { resultsTable, type ResultsTable, type ResultsTableRow } from './results-table.ts';
export { canMove, orderStatusLabels, orderStatusRanks, orderStatuses, urgencies, urgencyLabels, type OrderStatus, type Urgency } from './status.ts';
