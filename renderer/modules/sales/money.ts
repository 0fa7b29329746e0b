import { minorUnitsFromText, textFromMinorUnits } from '#shared/money/amount-text.ts';
import { useAppStore } from '../../state/store.ts';

// Amounts on the counter's screen, in the active clinic's currency, from and to integer minor
// units by their digits: never through a floating-point number.

export type ClinicMoney = {
  readonly currency: string;
  readonly digits: number;
  /** 1250 → "KES 12.50". */
  readonly format: (minor: number) => string;
  /** "12.5" → 1250; null when the text is not an amount. */
  readonly parse: (text: string) => number | null;
  /** 1250 → "12.50", as a field shows it. */
  readonly plain: (minor: number) => string;
};

function digitsOf(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function useClinicMoney(): ClinicMoney {
  const currency = useAppStore((state) => state.session?.activeClinic?.currency ?? 'USD');
  const digits = digitsOf(currency);
  return {
    currency,
    digits,
    format: (minor) => `${currency} ${textFromMinorUnits(minor, digits)}`,
    parse: (text) => (text.trim() === '' ? 0 : minorUnitsFromText(text, digits)),
    plain: (minor) => textFromMinorUnits(minor, digits),
  };
}
