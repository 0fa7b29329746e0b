// What other modules and the core may use of the sales module.
export { saleByReceiptNumber } from './sale-rows.ts';
