import { describe, expect, it } from 'vitest';
import { defaultWedgeThresholds, isScanBurst, type KeyStroke } from '#shared/scanning/wedge.ts';
import { createWedgeReader, type WedgeAction } from '#shared/scanning/wedge-reader.ts';

/** Keystrokes of `text` then the terminator, the gaps taken from `gaps` in turn (cycled). */
function typed(text: string, gaps: readonly number[], terminator = 'Enter', startAt = 1_000, firstGap?: number): KeyStroke[] {
  let at = startAt;
  return [...Array.from(text), terminator].map((key, index) => {
    if (index === 1 && firstGap !== undefined) at += firstGap;
    else if (index > 0) at += gaps[(index - 1) % gaps.length] ?? 0;
    return { key, at };
  });
}

function burstOf(strokes: readonly KeyStroke[]): boolean {
  const characters = strokes.slice(0, -1);
  const terminator = strokes[strokes.length - 1];
  if (terminator === undefined) throw new Error('no keys');
  return isScanBurst(characters, terminator);
}

/** Plays keystrokes through a reader as the screen hook does: idle checks run between keys. */
function play(strokes: readonly KeyStroke[]): { scans: string[]; field: string; landedTakenBack: number } {
  const reader = createWedgeReader();
  let field = '';
  const scans: string[] = [];
  let landedTakenBack = 0;
  for (const stroke of strokes) {
    const due = reader.idleDueAt();
    if (due !== null && due <= stroke.at) field += reader.idle(due);
    const action: WedgeAction = reader.key(stroke);
    if (action.kind === 'scan') {
      field = field.slice(0, field.length - action.landed);
      landedTakenBack += action.landed;
      scans.push(action.code);
    } else {
      field += action.release;
      if (action.kind === 'pass' && stroke.key.length === 1) field += stroke.key;
    }
  }
  const due = reader.idleDueAt();
  if (due !== null) field += reader.idle(due);
  return { scans, field, landedTakenBack };
}

const ean13 = '4006381333931';
const dataMatrix = ']d201095060001343521727123121A7734|10LOT-4471B';

describe('telling a scan from typing', () => {
  it('takes a scanner at 5 to 30 ms a key as a scan', () => {
    expect(burstOf(typed(ean13, [5]))).toBe(true);
    expect(burstOf(typed(dataMatrix, [12, 18, 9, 30, 22]))).toBe(true);
    expect(burstOf(typed(ean13, [10], 'Tab'))).toBe(true);
  });

  it('takes a person at 80 ms or more a key as typing', () => {
    expect(burstOf(typed(ean13, [80]))).toBe(false);
    expect(burstOf(typed(ean13, [120, 95, 180]))).toBe(false);
  });

  it('takes a fast typist with quick key rollovers as typing', () => {
    expect(burstOf(typed(ean13, [55, 25, 70, 20, 60]))).toBe(false);
    expect(burstOf(typed(ean13, [28, 32, 41, 29, 44, 30]))).toBe(false);
  });

  it('takes a scanner with a slow first key as a scan', () => {
    expect(burstOf(typed(ean13, [8], 'Enter', 1_000, 250))).toBe(true);
  });

  it('needs the terminator, enough characters and a quick Enter', () => {
    expect(burstOf(typed(ean13, [8], 'Escape'))).toBe(false);
    expect(burstOf(typed('4006381', [8]))).toBe(false);
    const lateEnter = typed(ean13, [8]);
    const enter = lateEnter[lateEnter.length - 1];
    if (enter !== undefined) lateEnter[lateEnter.length - 1] = { key: 'Enter', at: enter.at + 300 };
    expect(burstOf(lateEnter)).toBe(false);
  });

  it('follows thresholds set for a slower scanner', () => {
    const slowScanner = typed(ean13, [40, 50, 45]);
    expect(burstOf(slowScanner)).toBe(false);
    const characters = slowScanner.slice(0, -1);
    const enter = slowScanner[slowScanner.length - 1] ?? { key: 'Enter', at: 0 };
    expect(isScanBurst(characters, enter, { ...defaultWedgeThresholds, maxGapMs: 70, maxMedianGapMs: 55 })).toBe(true);
  });
});

describe('the keystroke reader', () => {
  it('keeps a scan out of the field', () => {
    expect(play(typed(ean13, [10]))).toEqual({ scans: [ean13], field: '', landedTakenBack: 0 });
  });

  it('gives a person every character, in order, and lets Enter through', () => {
    const strokes = typed('amoxicillin', [120, 95, 130]);
    const result = play(strokes);
    expect(result.scans).toEqual([]);
    expect(result.field).toBe('amoxicillin');
  });

  it('gives a fast typist every character', () => {
    expect(play(typed('paracetamol 500', [55, 25, 70, 20, 60])).field).toBe('paracetamol 500');
  });

  it('takes back the first key of a scanner that is slow to start', () => {
    const result = play(typed(ean13, [8], 'Enter', 1_000, 250));
    expect(result).toEqual({ scans: [ean13], field: '', landedTakenBack: 1 });
  });

  it('reads a scan that comes straight after a person typed', () => {
    const person = typed('ibu', [110]).slice(0, -1);
    const scanner = typed(ean13, [9], 'Enter', 2_000);
    expect(play([...person, ...scanner])).toEqual({ scans: [ean13], field: 'ibu', landedTakenBack: 0 });
  });

  it('passes keys that are not characters, after what it held', () => {
    const reader = createWedgeReader();
    expect(reader.key({ key: 'a', at: 0 })).toEqual({ kind: 'hold', release: '' });
    expect(reader.key({ key: 'Backspace', at: 10 })).toEqual({ kind: 'pass', release: 'a' });
    expect(reader.idleDueAt()).toBeNull();
  });
});

describe('a scanner that stalls mid-code', () => {
  const stalled = (stalls: readonly number[]) => {
    const strokes = typed(dataMatrix, [9]);
    // Stalls after the 10th, 20th... key shift every later key.
    let shift = 0;
    return strokes.map((stroke, index) => {
      if (index > 0 && index % 10 === 0) shift += stalls[index / 10 - 1] ?? 0;
      return { key: stroke.key, at: stroke.at + shift };
    });
  };

  it('is still a scan, kept out of the field, after one or two short stalls', () => {
    expect(burstOf(stalled([120, 90]))).toBe(true);
    expect(play(stalled([120, 90]))).toEqual({ scans: [dataMatrix], field: '', landedTakenBack: 0 });
  });

  it('is not a scan after a long stall or many', () => {
    expect(burstOf(stalled([400]))).toBe(false);
    expect(burstOf(stalled([100, 100, 100]))).toBe(false);
  });
});
