// What other modules may use of the sales module.
export { discountLimitOf, saleDiscountLimitsBasisPoints } from './discount-limits.ts';
export type { SaleView } from './sale-views.ts';
export { CASH_INCREMENT_MINOR, PRICES_INCLUDE_TAX } from './pricing-rules.ts';
