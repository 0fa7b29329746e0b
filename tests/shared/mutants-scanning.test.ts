import { describe, expect, it } from 'vitest';
import { defaultGroupSeparatorSubstitutes, GROUP_SEPARATOR, restoreGroupSeparators } from '#shared/scanning/group-separator.ts';
import { looksLikeGtin, readGtin } from '#shared/scanning/gtin.ts';
import { readScannedCode } from '#shared/scanning/scanned-code.ts';

// The edges of the scanning rules that the mutation run showed no other test reaching.

describe('GTIN edges', () => {
  it('takes only a code made of digits from end to end for a GTIN', () => {
    expect(looksLikeGtin('4006381333931')).toBe(true);
    expect(looksLikeGtin('x006381333931')).toBe(false);
    expect(looksLikeGtin('400638133393x')).toBe(false);
  });

  it('refuses a code that is not all digits or has no GTIN length, saying what a GTIN is', () => {
    for (const text of ['x006381333931', '400638133393x', '12345']) {
      expect(readGtin(text)).toEqual({ ok: false, message: `"${text}" is not a product code: a GTIN has 8, 12, 13 or 14 digits.` });
    }
  });
});

describe('group separator edges', () => {
  it('reads each default substitute as a group separator', () => {
    expect(restoreGroupSeparators('A|B~C<GS>D', defaultGroupSeparatorSubstitutes)).toBe(`A${GROUP_SEPARATOR}B${GROUP_SEPARATOR}C${GROUP_SEPARATOR}D`);
  });

  it('ignores an empty substitute rather than splitting the scan between every character', () => {
    expect(restoreGroupSeparators('AB', [''])).toBe('AB');
  });
});

describe('scan reading edges', () => {
  it('names each GS1 symbology by its identifier', () => {
    expect(readScannedCode(']d2010501234567890017280200')).toMatchObject({ kind: 'gs1', symbology: 'GS1 DataMatrix' });
    expect(readScannedCode(']e00104150999999994')).toMatchObject({ kind: 'gs1', symbology: 'GS1 DataBar' });
    expect(readScannedCode(']Q3010403057110122217261130')).toMatchObject({ kind: 'gs1', symbology: 'GS1 QR Code' });
  });

  it('reads a plain pack code behind each EAN/UPC symbology identifier', () => {
    for (const prefix of [']E0', ']E1', ']E2', ']E3', ']E4', ']X0']) {
      expect(readScannedCode(`${prefix}4006381333931`)).toEqual({ kind: 'gtin', gtin14: '04006381333931', form: 'EAN-13' });
    }
  });

  it('keeps as a clinic code only one made of its allowed characters from end to end', () => {
    expect(readScannedCode('#ABC')).toMatchObject({ kind: 'refused' });
    expect(readScannedCode('ABC#')).toMatchObject({ kind: 'refused' });
    expect(readScannedCode('ABC-12')).toEqual({ kind: 'own-code', code: 'ABC-12' });
  });

  it('refuses an expiry month of 00 or 13 as no date', () => {
    for (const code of ['010950600013435217271315', '010950600013435217270015']) {
      expect(readScannedCode(code)).toMatchObject({ kind: 'refused', message: expect.stringContaining('is not a date') as string });
    }
  });
});
