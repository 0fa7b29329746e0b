import { allocateProportionally, scaleRounded } from './rounding.ts';

// The totals of a sale, in integer minor units. The rules, in order (tests/shared/sale-totals.test.ts):
// 1. A line's amount is its unit price × quantity, exact.
// 2. A line discount (a percentage in basis points, or an amount) is rounded on the line, half
//    away from zero, and never more than the line.
// 3. A sale discount is taken from the lines after their own discounts and split over them in
//    proportion, to the minor unit, so each line's tax is on what its customer really pays and
//    the split adds up to the discount exactly.
// 4. Tax is computed and rounded per line (a price that includes tax holds tax of
//    amount × rate / (1 + rate)); the sale's tax is the sum of its lines' taxes, never recomputed
//    on the total, so a receipt's lines always add up to its total.

export type Discount = { readonly kind: 'percent'; readonly basisPoints: number } | { readonly kind: 'amount'; readonly minor: number };

export type SaleLineInput = {
  readonly unitPriceMinor: number;
  readonly quantity: number;
  /** 1,600 for a 16 % tax. */
  readonly taxRateBasisPoints: number;
  readonly discount?: Discount | null;
};

export type SaleInput = {
  readonly lines: readonly SaleLineInput[];
  readonly discount?: Discount | null;
  /** Whether prices on the shelf include tax (most pharmacies) or have it added at the till. */
  readonly pricesIncludeTax: boolean;
};

export type LineTotals = {
  /** Unit price × quantity. */
  readonly grossMinor: number;
  readonly lineDiscountMinor: number;
  /** This line's share of the sale discount. */
  readonly saleDiscountMinor: number;
  /** What the line costs before tax. */
  readonly netMinor: number;
  readonly taxMinor: number;
  /** What the customer pays for the line. */
  readonly totalMinor: number;
};

export type SaleTotals = {
  readonly lines: readonly LineTotals[];
  readonly grossMinor: number;
  readonly discountMinor: number;
  readonly netMinor: number;
  readonly taxMinor: number;
  readonly totalMinor: number;
};

const WHOLE = 10_000;

/** The discount on an amount, rounded, never more than the amount. */
export function discountOn(amountMinor: number, discount: Discount | null | undefined): number {
  if (discount === null || discount === undefined) return 0;
  const taken = discount.kind === 'percent' ? scaleRounded(amountMinor, discount.basisPoints, WHOLE) : discount.minor;
  return Math.min(amountMinor, Math.max(0, taken));
}

function taxOf(amountMinor: number, rateBasisPoints: number, pricesIncludeTax: boolean): { net: number; tax: number; total: number } {
  if (pricesIncludeTax) {
    const tax = scaleRounded(amountMinor, rateBasisPoints, WHOLE + rateBasisPoints);
    return { net: amountMinor - tax, tax, total: amountMinor };
  }
  const tax = scaleRounded(amountMinor, rateBasisPoints, WHOLE);
  return { net: amountMinor, tax, total: amountMinor + tax };
}

export function saleTotals(sale: SaleInput): SaleTotals {
  const afterLineDiscounts = sale.lines.map((line) => {
    const gross = line.unitPriceMinor * line.quantity;
    const lineDiscount = discountOn(gross, line.discount);
    return { gross, lineDiscount, amount: gross - lineDiscount };
  });
  const saleDiscount = discountOn(afterLineDiscounts.reduce((sum, line) => sum + line.amount, 0), sale.discount);
  const shares = allocateProportionally(saleDiscount, afterLineDiscounts.map((line) => line.amount));
  const lines = sale.lines.map((line, index): LineTotals => {
    const before = afterLineDiscounts[index] ?? { gross: 0, lineDiscount: 0, amount: 0 };
    const share = shares[index] ?? 0;
    const taxed = taxOf(before.amount - share, line.taxRateBasisPoints, sale.pricesIncludeTax);
    return { grossMinor: before.gross, lineDiscountMinor: before.lineDiscount, saleDiscountMinor: share, netMinor: taxed.net, taxMinor: taxed.tax, totalMinor: taxed.total };
  });
  const sum = (pick: (line: LineTotals) => number): number => lines.reduce((total, line) => total + pick(line), 0);
  return {
    lines,
    grossMinor: sum((line) => line.grossMinor),
    discountMinor: sum((line) => line.lineDiscountMinor + line.saleDiscountMinor),
    netMinor: sum((line) => line.netMinor),
    taxMinor: sum((line) => line.taxMinor),
    totalMinor: sum((line) => line.totalMinor),
  };
}

/** The share of the sale's gross given away in discounts, in basis points (rounded up, so a limit is never crept past). */
export function discountRateBasisPoints(totals: SaleTotals): number {
  if (totals.grossMinor === 0) return 0;
  return Math.ceil((totals.discountMinor * WHOLE) / totals.grossMinor);
}
