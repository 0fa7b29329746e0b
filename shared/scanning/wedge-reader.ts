import { defaultWedgeThresholds, hasScannerRhythm, isCharacterKey, isScanBurst, type KeyStroke, type WedgeThresholds } from './wedge.ts';

// The keystroke-by-keystroke reader behind the screen hook, kept free of the DOM so its timing is
// testable. It holds back the characters of what may be a scan, so a scan never lands in the
// field that has the focus, and gives them back to the field as soon as the rhythm says a person
// is typing (one held key at most `maxGapMs`, less than a person's gap between keys).

export type WedgeAction =
  /** Keep the key from the page; first give the field the characters no longer held (typed by a person). */
  | { readonly kind: 'hold'; readonly release: string }
  /** Let the key through; first give the field the characters no longer held. */
  | { readonly kind: 'pass'; readonly release: string }
  /**
   * A scan: keep the terminator from the page. `landed` characters of it reached the field before
   * the rhythm was clear (a scanner with a slow first key): the hook takes them back out.
   */
  | { readonly kind: 'scan'; readonly code: string; readonly landed: number };

export type WedgeReader = {
  /** The action for a key pressed at `stroke.at`. */
  readonly key: (stroke: KeyStroke) => WedgeAction;
  /** Called when `maxGapMs` passed with no key: the characters still held go to the field. */
  readonly idle: (now: number) => string;
  /** When `idle` should next be called, or null when nothing is held. */
  readonly idleDueAt: () => number | null;
};

export function createWedgeReader(thresholds: WedgeThresholds = defaultWedgeThresholds): WedgeReader {
  let burst: KeyStroke[] = [];
  let released = 0;

  function releaseHeld(): string {
    const text = burst.slice(released).map((stroke) => stroke.key).join('');
    released = burst.length;
    return text;
  }

  function lastAt(): number {
    return burst[burst.length - 1]?.at ?? 0;
  }

  /** A code half-read at a scanner's pace may stall: it is waited for longer before being given to the field. */
  function allowedGap(): number {
    if (burst.length === 1) return thresholds.maxFirstGapMs;
    return burst.length >= 3 && hasScannerRhythm(burst, thresholds) ? thresholds.hiccupMs : thresholds.maxGapMs;
  }

  function continuesBurst(stroke: KeyStroke): boolean {
    if (burst.length === 0) return false;
    const gap = stroke.at - lastAt();
    return gap <= allowedGap() && (burst.length === 1 || hasScannerRhythm([...burst, stroke], thresholds) || gap <= thresholds.maxGapMs);
  }

  /** How long held keys wait for the next before going to the field. */
  function holdFor(): number {
    return burst.length >= 3 && hasScannerRhythm(burst, thresholds) ? thresholds.hiccupMs : thresholds.maxGapMs;
  }

  return {
    key(stroke) {
      if (thresholds.terminators.includes(stroke.key)) {
        if (isScanBurst(burst, stroke, thresholds)) {
          const action: WedgeAction = { kind: 'scan', code: burst.map((held) => held.key).join(''), landed: released };
          burst = [];
          released = 0;
          return action;
        }
        const release = releaseHeld();
        burst = [];
        released = 0;
        return { kind: 'pass', release };
      }
      if (!isCharacterKey(stroke.key)) {
        const release = releaseHeld();
        burst = [];
        released = 0;
        return { kind: 'pass', release };
      }
      let release = '';
      if (!continuesBurst(stroke)) {
        release = releaseHeld();
        burst = [];
        released = 0;
      }
      burst.push(stroke);
      return { kind: 'hold', release };
    },
    idle(now) {
      return now - lastAt() >= holdFor() ? releaseHeld() : '';
    },
    idleDueAt() {
      return released < burst.length ? lastAt() + holdFor() : null;
    },
  };
}
