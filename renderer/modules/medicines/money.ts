import { useAppStore } from '../../state/store.ts';

/** The active clinic's currency and locale, which prices are written in. */
export function useClinicMoney(): { currency: string; locale: string } {
  const currency = useAppStore((state) => state.session?.activeClinic?.currency ?? 'USD');
  const locale = useAppStore((state) => state.session?.activeClinic?.locale ?? 'en-GB');
  return { currency, locale };
}

/** How many digits a currency writes after its decimal point (2 for pounds, 0 for yen). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMinor(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / 10 ** digits);
}

/** A price typed in the currency's units as whole minor units; the rounding is to the nearest, as a till does. */
export function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorDigits(currency));
}

export function fromMinor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}
