import { describe, expect, it } from 'vitest';
import { settle } from '#shared/money/payments.ts';
import { allocateProportionally, divideRounded, roundToIncrement, scaleRounded } from '#shared/money/rounding.ts';
import { discountRateBasisPoints, saleTotals, type SaleLineInput } from '#shared/money/sale-totals.ts';

const VAT_16 = 1_600;
const VAT_5 = 500;

function line(unitPriceMinor: number, quantity: number, taxRateBasisPoints: number, discount: SaleLineInput['discount'] = null): SaleLineInput {
  return { unitPriceMinor, quantity, taxRateBasisPoints, discount };
}

describe('rounding', () => {
  it('rounds half away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3);
    expect(divideRounded(-5n, 2n)).toBe(-3);
    expect(divideRounded(7n, 3n)).toBe(2);
    expect(divideRounded(8n, 3n)).toBe(3);
  });

  it('keeps products past 2^53 exact', () => {
    expect(scaleRounded(9_000_000_000_000, 1_601, 10_000)).toBe(1_440_900_000_000);
    expect(scaleRounded(Number.MAX_SAFE_INTEGER, 1, 1)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('splits an amount so the shares add up exactly, the largest remainders first', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(10, [333, 333, 334])).toEqual([3, 3, 4]);
    expect(allocateProportionally(7, [0, 5, 0])).toEqual([0, 7, 0]);
    expect(allocateProportionally(5, [0, 0])).toEqual([0, 0]);
  });

  it('rounds cash to the smallest coin', () => {
    expect(roundToIncrement(1_002, 5)).toBe(1_000);
    expect(roundToIncrement(1_003, 5)).toBe(1_005);
    expect(roundToIncrement(1_003, 1)).toBe(1_003);
  });
});

describe('sale totals', () => {
  it('rounds tax per line, and the sale tax is the sum of its lines', () => {
    // Three packs at 0.99 with 16 % on top: 0.1584 per line rounds to 0.16 on each line,
    // where tax on the total (2.97 × 16 % = 0.4752) would give 0.48.
    const totals = saleTotals({ lines: [line(99, 1, VAT_16), line(99, 1, VAT_16), line(99, 1, VAT_16)], pricesIncludeTax: false });
    expect(totals.lines.map((each) => each.taxMinor)).toEqual([16, 16, 16]);
    expect(totals.taxMinor).toBe(48);
    expect(totals.totalMinor).toBe(297 + 48);
  });

  it('takes the tax out of a price that includes it', () => {
    const totals = saleTotals({ lines: [line(1_160, 1, VAT_16), line(1_050, 2, VAT_5)], pricesIncludeTax: true });
    expect(totals.lines.map((each) => [each.netMinor, each.taxMinor, each.totalMinor])).toEqual([
      [1_000, 160, 1_160],
      [2_000, 100, 2_100],
    ]);
    expect(totals.totalMinor).toBe(3_260);
  });

  it('rounds a line discount on its line, and never below zero', () => {
    const totals = saleTotals({ lines: [line(333, 1, 0, { kind: 'percent', basisPoints: 1_050 }), line(500, 1, 0, { kind: 'amount', minor: 900 })], pricesIncludeTax: true });
    expect(totals.lines.map((each) => each.lineDiscountMinor)).toEqual([35, 500]);
    expect(totals.lines.map((each) => each.totalMinor)).toEqual([298, 0]);
  });

  it('splits a sale discount over the lines, to the unit, before their tax', () => {
    const totals = saleTotals({
      lines: [line(1_000, 1, VAT_16), line(1_000, 1, 0), line(1_000, 1, VAT_5)],
      discount: { kind: 'amount', minor: 100 },
      pricesIncludeTax: false,
    });
    expect(totals.lines.map((each) => each.saleDiscountMinor)).toEqual([34, 33, 33]);
    expect(totals.lines.map((each) => each.taxMinor)).toEqual([scaleRounded(966, VAT_16, 10_000), 0, scaleRounded(967, VAT_5, 10_000)]);
    expect(totals.discountMinor).toBe(100);
    expect(totals.totalMinor).toBe(totals.lines.reduce((sum, each) => sum + each.totalMinor, 0));
  });

  it('applies line discounts first, then the sale discount on what is left', () => {
    const totals = saleTotals({ lines: [line(2_000, 1, 0, { kind: 'percent', basisPoints: 5_000 })], discount: { kind: 'percent', basisPoints: 1_000 }, pricesIncludeTax: true });
    expect(totals.lines[0]).toMatchObject({ lineDiscountMinor: 1_000, saleDiscountMinor: 100, totalMinor: 900 });
    expect(discountRateBasisPoints(totals)).toBe(5_500);
  });

  it('adds up for any mix of lines: gross − discount = net + tax ... = total', () => {
    const lines = Array.from({ length: 40 }, (_, index) => line(7 + index * 131, 1 + (index % 4), [0, VAT_5, VAT_16][index % 3] ?? 0, index % 5 === 0 ? { kind: 'percent', basisPoints: 250 * index } : null));
    for (const pricesIncludeTax of [true, false]) {
      const totals = saleTotals({ lines, discount: { kind: 'percent', basisPoints: 733 }, pricesIncludeTax });
      const afterDiscounts = totals.grossMinor - totals.discountMinor;
      expect(totals.netMinor + totals.taxMinor).toBe(totals.totalMinor);
      expect(pricesIncludeTax ? totals.totalMinor : totals.netMinor).toBe(afterDiscounts);
      for (const each of totals.lines) expect(Number.isInteger(each.taxMinor) && Number.isInteger(each.totalMinor)).toBe(true);
    }
  });
});

describe('payments', () => {
  it('gives change from cash tendered', () => {
    expect(settle(1_740, [{ method: 'cash', amountMinor: 2_000 }])).toEqual({ ok: true, settled: true, dueMinor: 0, changeMinor: 260, cashRoundingMinor: 0 });
  });

  it('says what is still due when the cash is short', () => {
    expect(settle(1_740, [{ method: 'cash', amountMinor: 1_000 }])).toMatchObject({ settled: false, dueMinor: 740, changeMinor: 0 });
  });

  it('settles a mix of card, mobile money and cash, with change only from cash', () => {
    const settlement = settle(5_000, [{ method: 'card', amountMinor: 2_000 }, { method: 'mobile_money', amountMinor: 1_500 }, { method: 'cash', amountMinor: 2_000 }]);
    expect(settlement).toEqual({ ok: true, settled: true, dueMinor: 0, changeMinor: 500, cashRoundingMinor: 0 });
  });

  it('refuses card or mobile money beyond the sale', () => {
    expect(settle(1_000, [{ method: 'card', amountMinor: 1_200 }])).toMatchObject({ ok: false });
    expect(settle(1_000, [{ method: 'cash', amountMinor: 0 }])).toMatchObject({ ok: false });
  });

  it('rounds the cash part to the smallest coin, and only the cash part', () => {
    expect(settle(1_002, [{ method: 'cash', amountMinor: 2_000 }], 5)).toEqual({ ok: true, settled: true, dueMinor: 0, changeMinor: 1_000, cashRoundingMinor: -2 });
    expect(settle(1_003, [{ method: 'card', amountMinor: 1_003 }], 5)).toEqual({ ok: true, settled: true, dueMinor: 0, changeMinor: 0, cashRoundingMinor: 0 });
    expect(settle(1_003, [{ method: 'card', amountMinor: 500 }, { method: 'cash', amountMinor: 505 }], 5)).toEqual({ ok: true, settled: true, dueMinor: 0, changeMinor: 0, cashRoundingMinor: 2 });
  });
});

describe('amounts as text', () => {
  it('reads typed amounts by their digits', async () => {
    const { minorUnitsFromText, textFromMinorUnits } = await import('#shared/money/amount-text.ts');
    expect(['12.5', '12,50', '0.07', '3', ' 1.10 ', '1.234', 'abc', '-1'].map((text) => minorUnitsFromText(text))).toEqual([1250, 1250, 7, 300, 110, null, null, null]);
    expect([1250, 7, 0, -305].map((minor) => textFromMinorUnits(minor))).toEqual(['12.50', '0.07', '0.00', '-3.05']);
    expect(textFromMinorUnits(1250, 0)).toBe('1250');
  });
});
