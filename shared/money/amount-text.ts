// Amounts as people type and read them ("12.50"), turned to and from integer minor units by their
// digits, never through a floating-point number.

/** "12.5" → 1250 with two decimals; null when the text is not an amount. */
export function minorUnitsFromText(text: string, decimals = 2): number | null {
  const match = /^\s*(\d{1,12})(?:[.,](\d*))?\s*$/.exec(text);
  if (match === null) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) return null;
  return Number(match[1]) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
}

/** 1250 → "12.50". */
export function textFromMinorUnits(minor: number, decimals = 2): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  return decimals === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
