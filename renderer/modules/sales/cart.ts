import { saleTotals, type Discount, type SaleTotals } from '#shared/money/sale-totals.ts';
import { PRICES_INCLUDE_TAX } from '#shared/modules/sales/index.ts';

// The cart at the counter, as plain data: what the screen shows and what sales.commit is sent.
// The core prices and picks batches again when the sale is committed; the totals here are the
// same rules (shared/money) so the customer hears the amount the receipt will print.

export type CartLine = {
  /** The line's own id on this screen: the same product may be on two lines, one per batch in hand. */
  readonly key: string;
  readonly productId: string;
  readonly productLabel: string;
  readonly unitPriceMinor: number;
  readonly taxRateBasisPoints: number;
  readonly quantity: number;
  /** The pack in hand's batch (scanned with its lot, or chosen); null sells first expiry first. */
  readonly batchId: string | null;
  readonly batchLabel: string | null;
  readonly discount: Discount | null;
  readonly expiredOverrideReason: string | null;
};

export type Cart = { readonly lines: readonly CartLine[]; readonly discount: Discount | null };

export const emptyCart: Cart = { lines: [], discount: null };

export type NewLine = Omit<CartLine, 'key' | 'quantity' | 'discount' | 'expiredOverrideReason'>;

/** Adds one pack; the same product from the same batch (or both first expiry first) adds to its line. Returns the line's key. */
export function addPack(cart: Cart, line: NewLine, newKey: () => string): { cart: Cart; key: string } {
  const same = cart.lines.find((existing) => existing.productId === line.productId && existing.batchId === line.batchId);
  if (same !== undefined) return { cart: updateLine(cart, same.key, { quantity: same.quantity + 1 }), key: same.key };
  const key = newKey();
  return { cart: { ...cart, lines: [...cart.lines, { ...line, key, quantity: 1, discount: null, expiredOverrideReason: null }] }, key };
}

export function updateLine(cart: Cart, key: string, change: Partial<Omit<CartLine, 'key' | 'productId'>>): Cart {
  return { ...cart, lines: cart.lines.map((line) => (line.key === key ? { ...line, ...change } : line)) };
}

export function removeLine(cart: Cart, key: string): Cart {
  return { ...cart, lines: cart.lines.filter((line) => line.key !== key) };
}

export function cartTotals(cart: Cart): SaleTotals {
  return saleTotals({ lines: cart.lines.map((line) => ({ unitPriceMinor: line.unitPriceMinor, quantity: line.quantity, taxRateBasisPoints: line.taxRateBasisPoints, discount: line.discount })), discount: cart.discount, pricesIncludeTax: PRICES_INCLUDE_TAX });
}

/** The lines as sales.commit takes them. */
export function commitLines(cart: Cart) {
  return cart.lines.map((line) => ({ productId: line.productId, quantity: line.quantity, batchId: line.batchId, discount: line.discount, expiredOverrideReason: line.expiredOverrideReason }));
}
