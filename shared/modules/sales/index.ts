// What other modules may use of the sales module.
export { discountLimitOf, saleDiscountLimitsBasisPoints } from './discount-limits.ts';
export type { SaleView } from './sale-views.ts';
