import { roundToIncrement } from './rounding.ts';

// Settling a sale with cash, card, mobile money or a mix. Only cash can be given back, so only
// cash may exceed what is left to pay; where the smallest coin is more than one minor unit, the
// part paid in cash is rounded to it and the rounding is shown on the receipt.

export const paymentMethods = ['cash', 'card', 'mobile_money'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export type Tender = { readonly method: PaymentMethod; readonly amountMinor: number };

export type Settlement =
  | {
      readonly ok: true;
      /** Whether the sale is paid in full. */
      readonly settled: boolean;
      /** Still to pay (0 when settled). */
      readonly dueMinor: number;
      readonly changeMinor: number;
      /** Added to (or, negative, taken from) the cash part by rounding to the smallest coin. */
      readonly cashRoundingMinor: number;
    }
  | { readonly ok: false; readonly message: string };

export function settle(totalMinor: number, tenders: readonly Tender[], cashIncrementMinor = 1): Settlement {
  if (tenders.some((tender) => !Number.isSafeInteger(tender.amountMinor) || tender.amountMinor <= 0)) {
    return { ok: false, message: 'Each payment must be an amount above zero.' };
  }
  const cashTendered = tenders.filter((tender) => tender.method === 'cash').reduce((sum, tender) => sum + tender.amountMinor, 0);
  const otherPaid = tenders.filter((tender) => tender.method !== 'cash').reduce((sum, tender) => sum + tender.amountMinor, 0);
  if (otherPaid > totalMinor) return { ok: false, message: 'Card and mobile money payments cannot be more than the sale: only cash gives change.' };
  const leftForCash = totalMinor - otherPaid;
  const cashDue = cashTendered > 0 ? roundToIncrement(leftForCash, cashIncrementMinor) : leftForCash;
  const cashRoundingMinor = cashDue - leftForCash;
  if (cashTendered >= cashDue) return { ok: true, settled: true, dueMinor: 0, changeMinor: cashTendered - cashDue, cashRoundingMinor };
  return { ok: true, settled: false, dueMinor: cashDue - cashTendered, changeMinor: 0, cashRoundingMinor };
}
