import { minorUnitsFromText, textFromMinorUnits } from '#shared/money/amount-text.ts';
import type { Discount } from '#shared/money/sale-totals.ts';

// A discount as typed: "10" or "12.5" per cent (basis points, by their digits), or an amount.

export type DiscountKind = Discount['kind'];

/** Null for no discount; a string is why the text is not one. */
export function discountFromText(kind: DiscountKind, text: string, currencyDigits: number): Discount | null | string {
  if (text.trim() === '' || /^\s*0*([.,]0*)?\s*$/.test(text)) return null;
  if (kind === 'percent') {
    const basisPoints = minorUnitsFromText(text, 2);
    if (basisPoints === null || basisPoints > 10_000) return 'Type a percentage up to 100, as 10 or 12.5';
    return { kind, basisPoints };
  }
  const minor = minorUnitsFromText(text, currencyDigits);
  return minor === null ? 'Type an amount, as 2.50' : { kind, minor };
}

export function textOfDiscount(discount: Discount | null, currencyDigits: number): { kind: DiscountKind; text: string } {
  if (discount === null) return { kind: 'percent', text: '' };
  return discount.kind === 'percent' ? { kind: 'percent', text: textFromMinorUnits(discount.basisPoints).replace(/\.?0+$/, '') } : { kind: 'amount', text: textFromMinorUnits(discount.minor, currencyDigits) };
}
