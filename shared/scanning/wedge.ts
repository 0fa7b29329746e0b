// A keyboard-wedge scanner types its code as keystrokes. What tells it from a person is the
// rhythm: a scanner types 5 to 30 ms apart and ends with Enter or Tab, a person types 80 ms or
// more apart. Some scanners pause before the first character (waking the USB link), so the gap
// after the first key is judged on its own, more leniently.

export type KeyStroke = { readonly key: string; readonly at: number };

export type WedgeThresholds = {
  /** Longest gap between two keys of a scan (after the first gap); longer means a person typed. */
  readonly maxGapMs: number;
  /** Longest typical (median) gap of a scan: a fast typist's occasional quick pair stays typing. */
  readonly maxMedianGapMs: number;
  /** Longest gap between a scanner's first and second keys. */
  readonly maxFirstGapMs: number;
  /** Fewest characters of a scan: the shortest code read is an EAN-8. */
  readonly minLength: number;
  /** Keys that end a scan. */
  readonly terminators: readonly string[];
};

export const defaultWedgeThresholds: WedgeThresholds = { maxGapMs: 45, maxMedianGapMs: 30, maxFirstGapMs: 400, minLength: 8, terminators: ['Enter', 'Tab'] };

/** Whether a key adds a character to a code (rather than moving, deleting or ending). */
export function isCharacterKey(key: string): boolean {
  return key.length === 1;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Whether characters and the key that ended them were a scan. */
export function isScanBurst(characters: readonly KeyStroke[], terminator: KeyStroke, thresholds: WedgeThresholds = defaultWedgeThresholds): boolean {
  if (!thresholds.terminators.includes(terminator.key) || characters.length < thresholds.minLength) return false;
  const times = [...characters.map((stroke) => stroke.at), terminator.at];
  const gaps = times.slice(1).map((at, index) => at - (times[index] ?? at));
  const [firstGap = 0, ...laterGaps] = gaps;
  if (firstGap > thresholds.maxFirstGapMs) return false;
  if (laterGaps.some((gap) => gap > thresholds.maxGapMs)) return false;
  return median(laterGaps) <= thresholds.maxMedianGapMs;
}
