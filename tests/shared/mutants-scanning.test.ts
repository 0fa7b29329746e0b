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

  it('refuses month 00 and month 13 with day 00, which the library turns into the end of another month', () => {
    for (const code of ['010950600013435217270000', '010950600013435217271300']) {
      expect(readScannedCode(code)).toMatchObject({ kind: 'refused', message: expect.stringContaining('is not a date') as string });
    }
  });

  it('keeps a clinic code with sixteen digits after its letters, or digits before them, as a clinic code', () => {
    expect(readScannedCode('AB1234567890123456')).toEqual({ kind: 'own-code', code: 'AB1234567890123456' });
    expect(readScannedCode('123ABC')).toEqual({ kind: 'own-code', code: '123ABC' });
  });

  it('says why it refuses a code that is neither a product code nor a clinic code', () => {
    expect(readScannedCode('#ABC')).toEqual({ kind: 'refused', message: 'This code is neither a product code nor a GS1 code the pharmacy reads.' });
  });

  it('passes on what the library found wrong in a GS1 code it could not read', () => {
    expect(readScannedCode('0109506000134352172702')).toEqual({ kind: 'refused', message: 'The GS1 code could not be read (truncated fixed length element). Scan it again.' });
  });

  it('refuses a lot, and a serial, holding a character no GS1 lot or serial has', () => {
    const message = `The GS1 code holds "#", which a GS1 lot or serial never contains: the scanner may type it for the group separator. Add it to the scanner settings' separator substitutes.`;
    expect(readScannedCode('010950600013435210AB#C', { groupSeparatorSubstitutes: [] })).toEqual({ kind: 'refused', message });
    expect(readScannedCode('010950600013435221AB#C', { groupSeparatorSubstitutes: [] })).toEqual({ kind: 'refused', message });
  });
});
