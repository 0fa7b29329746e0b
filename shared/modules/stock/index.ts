// What other modules may use of the stock module.
export { fefoOrder, pickBatches } from './batch-picking.ts';
export type { BatchPick, PickableBatch, PickRequest, PickResult } from './batch-picking.ts';
export { expiryStanding, isExpired } from './expiry.ts';
export { movementKindLabels, movementKinds, signedQuantity } from './movements.ts';
export type { MovementKind } from './movements.ts';
export type { BatchOnHand, ScanResult } from './stock-views.ts';
export { scanResultSchema } from './stock-views.ts';
