import { describe, expect, it } from 'vitest';
import { defaultGroupSeparatorSubstitutes, GROUP_SEPARATOR, restoreGroupSeparators } from '#shared/scanning/group-separator.ts';
import { looksLikeGtin, readGtin } from '#shared/scanning/gtin.ts';

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
