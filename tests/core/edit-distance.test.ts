import { describe, expect, it } from 'vitest';
import { editDistance } from '#core/modules/patients/search/normalize.ts';

/** The table-per-call version editDistance replaced, kept as the definition to agree with. */
function definition(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j += 1) {
      const row = table[i] ?? [];
      const previous = table[i - 1] ?? [];
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (table[i - 2]?.[j - 2] ?? 0) + 1);
      row[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return table[a.length]?.[b.length] ?? limit + 1;
}

/** A small seeded generator, so a failure names the pair that failed and happens again. */
function words(seed: number, count: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  // A few letters, so near words are common; lengths to 70, past the rows first kept.
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() ** 3 * 70) }, () => 'abcé'[Math.floor(next() * 4)]).join(''));
}

describe('edit distance between names', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours', () => {
    expect(editDistance('sharma', 'sharma', 2)).toBe(0);
    expect(editDistance('priya', 'priyah', 2)).toBe(1);
    expect(editDistance('jonh', 'john', 2)).toBe(1);
    expect(editDistance('jose', 'josé', 2)).toBe(1);
    expect(editDistance('smith', 'smyth', 2)).toBe(1);
    expect(editDistance('anna', 'hanna', 0)).toBe(1);
    expect(editDistance('oliver', 'olivia', 1)).toBe(2);
    expect(editDistance('amelia', 'walkin', 2)).toBe(3);
  });

  it('agrees with the table-per-call definition on thousands of pairs, one call after another', () => {
    const list = words(20261205, 400);
    for (let index = 0; index + 1 < list.length; index += 1) {
      const a = list[index] ?? '';
      const b = list[index + 1] ?? '';
      for (const limit of [0, 1, 2, 5, 80]) expect(editDistance(a, b, limit), `${a} / ${b} within ${String(limit)}`).toBe(definition(a, b, limit));
    }
  });
});
