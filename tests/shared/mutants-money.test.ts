import { describe, expect, it } from 'vitest';
import { minorUnitsFromText } from '#shared/money/amount-text.ts';
import { settle } from '#shared/money/payments.ts';
import { allocateProportionally, divideRounded, roundToIncrement } from '#shared/money/rounding.ts';
import { discountRateBasisPoints, saleTotals } from '#shared/money/sale-totals.ts';

// The edges of the money rules that the mutation run showed no other test reaching.

describe('rounding edges', () => {
  it('refuses a zero or negative divisor with its own message, and rounds zero to zero', () => {
    expect(() => divideRounded(1n, 0n)).toThrow('A money division needs a positive divisor.');
    expect(() => divideRounded(1n, -2n)).toThrow('A money division needs a positive divisor.');
    expect(divideRounded(0n, 3n)).toBe(0);
  });

  it('gives a unit left over to the larger remainder, not the larger weight', () => {
    expect(allocateProportionally(2, [1, 2])).toEqual([1, 1]);
    expect(allocateProportionally(5, [4, 3])).toEqual([3, 2]);
  });

  it('gives the units left over on a tie to the earlier parts', () => {
    expect(allocateProportionally(1, [1, 1])).toEqual([1, 0]);
    expect(allocateProportionally(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocateProportionally(1, [1, 1, 1, 1, 1])).toEqual([1, 0, 0, 0, 0]);
    expect(allocateProportionally(3, [1, 1, 1, 1, 1, 1, 1])).toEqual([1, 1, 1, 0, 0, 0, 0]);
  });

  it('leaves an amount as it is when no smallest coin is set', () => {
    expect(roundToIncrement(1_003, 0)).toBe(1_003);
  });
});

describe('sale totals edges', () => {
  it('gives an empty sale a discount rate of zero', () => {
    expect(discountRateBasisPoints(saleTotals({ lines: [], pricesIncludeTax: false }))).toBe(0);
  });
});

describe('payment edges', () => {
  it('refuses a zero payment among good ones, with its message', () => {
    expect(settle(1_000, [{ method: 'card', amountMinor: 500 }, { method: 'cash', amountMinor: 0 }])).toEqual({ ok: false, message: 'Each payment must be an amount above zero.' });
  });

  it('says why a card payment beyond the sale is refused', () => {
    expect(settle(1_000, [{ method: 'card', amountMinor: 1_001 }])).toEqual({ ok: false, message: 'Card and mobile money payments cannot be more than the sale: only cash gives change.' });
  });

  it('does not round what is left when no cash is tendered', () => {
    expect(settle(1_003, [{ method: 'card', amountMinor: 1_000 }], 5)).toEqual({ ok: true, settled: false, dueMinor: 3, changeMinor: 0, cashRoundingMinor: 0 });
  });

  it('says a short cash payment leaves the sale unsettled', () => {
    expect(settle(1_000, [{ method: 'cash', amountMinor: 400 }])).toEqual({ ok: true, settled: false, dueMinor: 600, changeMinor: 0, cashRoundingMinor: 0 });
  });
});

describe('amount text edges', () => {
  it('refuses an amount followed by anything but spaces', () => {
    expect(minorUnitsFromText('12.5x')).toBeNull();
    expect(minorUnitsFromText('12 kg')).toBeNull();
  });
});
