export const resultFlags = ['NORMAL', 'LOW', 'HIGH', 'ABNORMAL'] as const;
export type ResultFlag = (typeof resultFlags)[number];

export const resultFlagLabels: Readonly<Record<ResultFlag, string>> = { NORMAL: 'Normal', LOW: 'Low', HIGH: 'High', ABNORMAL: 'Abnormal' };

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** A typed number ("13.5", "1,2" with a decimal comma), or null when the value is words. */
export function decimalOf(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return DECIMAL.test(trimmed) ? Number(trimmed) : null;
}

/** What a result is compared against: the range typed with it, and for words the normal answer. */
export type FlagBasis = { readonly low: string | null; readonly high: string | null; readonly normalText: string | null };

/**
 * The flag a value earns against its range: below the low end LOW, above the high end HIGH,
 * within NORMAL. Words are NORMAL when they read the normal answer and ABNORMAL otherwise. Null
 * when nothing decides (no range, an answer with no normal text): the person entering it flags it.
 */
export function computedFlag(value: string, basis: FlagBasis): ResultFlag | null {
  const number = decimalOf(value);
  if (number === null) {
    if (basis.normalText === null || value.trim() === '') return null;
    return value.trim().toLowerCase() === basis.normalText.toLowerCase() ? 'NORMAL' : 'ABNORMAL';
  }
  const low = basis.low === null ? null : decimalOf(basis.low);
  const high = basis.high === null ? null : decimalOf(basis.high);
  if (low === null && high === null) return null;
  if (low !== null && number < low) return 'LOW';
  if (high !== null && number > high) return 'HIGH';
  return 'NORMAL';
}

export function isAbnormal(flag: ResultFlag | null): boolean {
  return flag !== null && flag !== 'NORMAL';
}

/** "13.5–17.5", "< 5.2", "≥ 1.0", or "" without a range. */
export function rangeText(low: string | null, high: string | null): string {
  if (low !== null && high !== null) return `${low}–${high}`;
  if (high !== null) return `≤ ${high}`;
  if (low !== null) return `≥ ${low}`;
  return '';
}
