import type { ClinicId } from '#shared/domain/ids.ts';
import { conflictError, validationError } from '#shared/api/errors.ts';
import { allocateProportionally } from '#shared/money/rounding.ts';
import { saleTotals, type Discount, type SaleTotals } from '#shared/money/sale-totals.ts';
import type { Db } from '../../db/database.ts';
import { pickFromStock } from '../stock/index.ts';
import { clinicPriceOf, PRICES_INCLUDE_TAX } from './pricing.ts';

// A cart turned into what the sale will write: each line split by the batches its packs come
// from (first expiry first, or the pack in hand's batch), priced by the clinic, with the totals
// of shared/money. Everything is decided here, before the write's transaction starts.

export type CartLine = { readonly productId: string; readonly quantity: number; readonly batchId: string | null; readonly discount: Discount | null; readonly expiredOverrideReason: string | null };

export type PlannedLine = { readonly productId: string; readonly batchId: string; readonly quantity: number; readonly unitPriceMinor: number; readonly taxRateBasisPoints: number; readonly discount: Discount | null; readonly expiredOverride: boolean };

export type SalePlan = { readonly lines: readonly PlannedLine[]; readonly totals: SaleTotals };

function splitDiscount(discount: Discount | null, quantities: readonly number[]): (Discount | null)[] {
  if (discount?.kind !== 'amount') return quantities.map(() => discount);
  return allocateProportionally(discount.minor, quantities).map((minor) => ({ kind: 'amount', minor }));
}

export function planSale(db: Db, clinicId: ClinicId, today: string, cart: readonly CartLine[], saleDiscount: Discount | null, labelOf: (productId: string) => string): SalePlan {
  const lines = cart.flatMap((line, index): PlannedLine[] => {
    const field = `lines.${String(index)}`;
    const price = clinicPriceOf(db, clinicId, line.productId);
    if (price.salePriceMinor === null) throw validationError(field, `${labelOf(line.productId)} has no sale price at this clinic yet.`);
    const picked = pickFromStock(db, clinicId, line.productId, { quantity: line.quantity, today, chosenBatchId: line.batchId, expiredOverrideReason: line.expiredOverrideReason });
    if (!picked.ok) throw conflictError(picked.message, `${field}.batchId`);
    if (picked.shortBy > 0) throw conflictError(`Only ${String(line.quantity - picked.shortBy)} of ${labelOf(line.productId)} are on hand. Scan the pack in hand to sell from its batch.`, `${field}.quantity`);
    const discounts = splitDiscount(line.discount, picked.picks.map((pick) => pick.quantity));
    const expiredOverride = (line.expiredOverrideReason ?? '').trim() !== '';
    const salePrice = price.salePriceMinor;
    return picked.picks.map((pick, pickIndex) => ({ productId: line.productId, batchId: pick.batchId, quantity: pick.quantity, unitPriceMinor: salePrice, taxRateBasisPoints: price.taxRateBasisPoints, discount: discounts[pickIndex] ?? null, expiredOverride }));
  });
  const totals = saleTotals({ lines: lines.map((line) => ({ unitPriceMinor: line.unitPriceMinor, quantity: line.quantity, taxRateBasisPoints: line.taxRateBasisPoints, discount: line.discount })), discount: saleDiscount, pricesIncludeTax: PRICES_INCLUDE_TAX });
  return { lines, totals };
}
