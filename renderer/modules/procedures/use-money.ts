import { minorUnitsFromText, textFromMinorUnits } from '#shared/money/amount-text.ts';
import { formatMinor, useClinicMoney } from '../medicines/index.ts';

/** Amounts in the clinic's currency: shown with its symbol, typed and read back as minor units. */
export function useMoney() {
  const { currency, locale } = useClinicMoney();
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return {
    currency,
    show: (minor: number) => formatMinor(minor, currency, locale),
    asText: (minor: number) => textFromMinorUnits(minor, digits),
    fromText: (text: string) => minorUnitsFromText(text, digits),
  };
}
