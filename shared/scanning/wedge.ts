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
  /**
   * A scanner (or the USB link under load) sometimes stalls mid-code. Up to `maxHiccups` gaps
   * this long are forgiven once the code so far has a scanner's rhythm, which no person has.
   */
  readonly hiccupMs: number;
  readonly maxHiccups: number;
  /** Fewest characters of a scan: the shortest code read is an EAN-8. */
  readonly minLength: number;
  /** Keys that end a scan. */
  readonly terminators: readonly string[];
};

export const defaultWedgeThresholds: WedgeThresholds = { maxGapMs: 60, maxMedianGapMs: 30, maxFirstGapMs: 400, hiccupMs: 250, maxHiccups: 2, minLength: 8, terminators: ['Enter', 'Tab'] };

/** Whether a key adds a character to a code (rather than moving, deleting or ending). */
export function isCharacterKey(key: string): boolean {
  return key.length === 1;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function gapsOf(strokes: readonly KeyStroke[]): number[] {
  return strokes.slice(1).map((stroke, index) => stroke.at - (strokes[index]?.at ?? stroke.at));
}

/** Whether keys after the first have a scanner's rhythm: quick, with at most the forgiven stalls. */
export function hasScannerRhythm(strokes: readonly KeyStroke[], thresholds: WedgeThresholds = defaultWedgeThresholds): boolean {
  const laterGaps = gapsOf(strokes).slice(1);
  if (laterGaps.some((gap) => gap > thresholds.hiccupMs)) return false;
  if (laterGaps.filter((gap) => gap > thresholds.maxGapMs).length > thresholds.maxHiccups) return false;
  return median(laterGaps) <= thresholds.maxMedianGapMs;
}

/** Whether characters and the key that ended them were a scan. */
export function isScanBurst(characters: readonly KeyStroke[], terminator: KeyStroke, thresholds: WedgeThresholds = defaultWedgeThresholds): boolean {
  if (!thresholds.terminators.includes(terminator.key) || characters.length < thresholds.minLength) return false;
  const strokes = [...characters, terminator];
  const [firstGap = 0] = gapsOf(strokes);
  return firstGap <= thresholds.maxFirstGapMs && hasScannerRhythm(strokes, thresholds);
}
