import { describe, expect, it } from 'vitest';
import { isStorableText, spellOutUnstorable, unstorableTextPath } from '#shared/domain/storable-text.ts';

// What PostgreSQL and SQLite cannot both hold exactly (the reasons are in storable-text.ts; the
// hub's tests try the same characters against PGlite and PostgreSQL themselves).
describe('text every replica can store', () => {
  it('refuses U+0000 and half of a surrogate pair, and nothing else', () => {
    expect(['N\u0000ul', 'a\ud800', '\ud800b', 'a\udc00b', '\udfff', '\ude00\ud83d'].filter(isStorableText)).toEqual([]);
    expect(['', 'Priya', 'tab\tand\nnewline', 'bell\u0007', 'non-character \ufffe', 'emoji 🌷', 'accents é ü ß', '\ud83d\ude00'].every(isStorableText)).toBe(true);
  });

  it('finds the first unstorable string or key anywhere in an input, by its path', () => {
    expect(unstorableTextPath({ a: 'fine', b: [1, 'ok', { c: 'x\u0000' }] })).toEqual(['b', 2, 'c']);
    expect(unstorableTextPath({ ['k\u0000']: 'fine' })).toEqual(['k\\u0000']);
    expect(unstorableTextPath('\ud800')).toEqual([]);
    expect(unstorableTextPath({ a: 'fine', n: 3, t: true, z: null })).toBeNull();
  });

  it('spells the refused characters out, leaving whole pairs alone', () => {
    expect(spellOutUnstorable('N\u0000ul \ud800 🌷 \udc00')).toBe('N\\u0000ul \\ud800 🌷 \\udc00');
  });
});
