import { describe, expect, it } from 'vitest';
import { displayGtin, gtinCheckDigit, readGtin } from '#shared/scanning/gtin.ts';
import { GROUP_SEPARATOR } from '#shared/scanning/group-separator.ts';
import { readScannedCode } from '#shared/scanning/scanned-code.ts';
import corpus from '../fixtures/scanning/gs1-corpus.json' with { type: 'json' };

type ReadCase = (typeof corpus.read)[number];

function expectedReading(entry: ReadCase): unknown {
  if ('form' in entry) return { kind: 'gtin', gtin14: entry.gtin14, form: entry.form };
  return { kind: 'gs1', gtin14: entry.gtin14, expiry: entry.expiry, lot: entry.lot, serial: entry.serial };
}

describe('the GS1 corpus', () => {
  it.each(corpus.read)('reads $label', (entry) => {
    expect(readScannedCode(entry.scanned)).toMatchObject(expectedReading(entry) as object);
  });

  it.each(corpus.refused)('refuses $label, saying why', (entry) => {
    const reading = readScannedCode(entry.scanned);
    expect(reading.kind).toBe('refused');
    expect(reading.kind === 'refused' ? reading.message : '').toContain(entry.says);
  });

  it.each(corpus.ownCodes)('keeps $label for the clinic code lookup', (entry) => {
    expect(readScannedCode(entry.scanned)).toEqual({ kind: 'own-code', code: entry.code });
  });
});

describe('reading scans', () => {
  it('names the symbology the identifier gives', () => {
    expect(readScannedCode(`]C1010950600013435210A${GROUP_SEPARATOR}21B`)).toMatchObject({ symbology: 'GS1-128', lot: 'A', serial: 'B' });
    expect(readScannedCode('0109506000134352')).toMatchObject({ kind: 'gs1', symbology: 'GS1 element string' });
  });

  it('reads only the separator substitutes it is told to', () => {
    const scanned = '01095060001343521727123121A7734^10LOT9';
    expect(readScannedCode(scanned)).toMatchObject({ kind: 'refused', message: expect.stringContaining('"^"') as string });
    expect(readScannedCode(scanned, { groupSeparatorSubstitutes: ['^'] })).toMatchObject({ serial: 'A7734', lot: 'LOT9' });
    expect(readScannedCode('01095060001343521727123121A|10B', { groupSeparatorSubstitutes: [] })).toMatchObject({ kind: 'refused' });
  });

  it('gives one GTIN-14 for every form of the same pack', () => {
    const forms = ['4006381333931', '04006381333931', ']E04006381333931', '0104006381333931'];
    expect(new Set(forms.map((code) => { const reading = readScannedCode(code); return reading.kind === 'gtin' || reading.kind === 'gs1' ? reading.gtin14 : reading.kind; }))).toEqual(new Set(['04006381333931']));
  });
});

describe('GTIN check digits', () => {
  it('computes the mod-10 check digit of every form', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('03600029145')).toBe(2);
    expect(gtinCheckDigit('9638507')).toBe(4);
    expect(gtinCheckDigit('0950600013435')).toBe(2);
  });

  it('refuses every single-digit misread of a real code', () => {
    const code = '4006381333931';
    for (let position = 0; position < code.length; position += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        const misread = code.slice(0, position) + String(digit) + code.slice(position + 1);
        expect(readGtin(misread).ok, misread).toBe(misread === code);
      }
    }
  });

  it('shows a GTIN-14 in the shortest form the pack prints', () => {
    expect(displayGtin('04006381333931')).toBe('4006381333931');
    expect(displayGtin('00036000291452')).toBe('036000291452');
    expect(displayGtin('00000096385074')).toBe('96385074');
    expect(displayGtin('14006381333938')).toBe('14006381333938');
  });
});
