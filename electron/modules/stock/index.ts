// What other modules and the core may use of the stock module: the point of sale records its
// movements through the same ledger, in its own transaction.
export { batchesOfProduct, batchOnHand, onHandOf } from './batch-rows.ts';
export { recordMovement } from './ledger.ts';
export type { MovementEntry } from './ledger.ts';
export { resolveScan } from './scan.ts';
export { pickFromStock, type StockPick } from './stock-picking.ts';
