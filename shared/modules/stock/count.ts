// A stock count: what the shelf holds against what the ledger says, and the adjustments that
// make the ledger agree. Only differences are posted; a line counted equal posts nothing.

export type CountLine = { readonly batchId: string; readonly expected: number; readonly counted: number };

export type CountAdjustment = { readonly batchId: string; readonly quantity: number };

export function countAdjustments(lines: readonly CountLine[]): CountAdjustment[] {
  return lines.filter((line) => line.counted !== line.expected).map((line) => ({ batchId: line.batchId, quantity: line.counted - line.expected }));
}
