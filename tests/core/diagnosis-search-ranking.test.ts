import { describe, expect, it } from 'vitest';
import { DiagnosisSearchIndex, wordsOf, type IndexedCode } from '#core/modules/diagnosis-codes/search-index.ts';
import { icd10cmShapedCodes } from '#tests/support/icd10cm-shaped.ts';

// The index skips most codes to answer in time; a plain scan over every code with the ranking
// written out in full must give the same answer, for word and code queries as they are typed.

const TYPED = ['type 2 diabetes without', 'diab typ 2 hyperglyc', 'acute upper respiratory infection', 'low back pain', 'otitis media right', 'sprain ankle left initial', 'pain knee', 'of unspecified', 'J06.9', 'j069', 'E11.65', 'S93.401A', 'r51'];

function undotted(code: string): string {
  return code.replace('.', '');
}

/** Exact code, then codes under it, then titles with every typed word; billable first; whole words, shorter titles, code order. */
type Scanned = IndexedCode & { readonly words: readonly string[] };

function scanAll(sorted: readonly Scanned[], query: string, limit: number): string[] {
  const typed = query.trim().toUpperCase();
  const codeQuery = /^[A-Z][0-9][0-9A-Z]{0,5}$/.test(undotted(typed)) && [-1, 3].includes(typed.indexOf('.')) ? undotted(typed) : null;
  const typedWords = wordsOf(query);
  const ranked: { key: readonly number[]; code: string }[] = [];
  sorted.forEach((entry, order) => {
    const code = undotted(entry.code);
    const header = entry.billable ? 0 : 1;
    if (codeQuery !== null && code.startsWith(codeQuery)) {
      ranked.push({ key: [code === codeQuery ? 0 : 1, header, code.length, order], code: entry.code });
      return;
    }
    const titleWords = entry.words;
    if (typedWords.length === 0 || !typedWords.every((word) => titleWords.some((titleWord) => titleWord.startsWith(word)))) return;
    const partial = typedWords.filter((word) => !titleWords.includes(word)).length;
    ranked.push({ key: [2, header, partial, entry.title.length, order], code: entry.code });
  });
  const compare = (a: readonly number[], b: readonly number[]): number => {
    for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return (a[index] ?? 0) - (b[index] ?? 0);
    return 0;
  };
  return ranked
    .sort((a, b) => compare(a.key, b.key))
    .slice(0, limit)
    .map((hit) => hit.code);
}

describe('diagnosis code search ranking', () => {
  const codes = icd10cmShapedCodes(8_000, 7);
  const index = new DiagnosisSearchIndex(codes);
  const scanned = [...codes].sort((a, b) => (undotted(a.code) < undotted(b.code) ? -1 : 1)).map((code) => ({ ...code, words: wordsOf(code.title) }));
  const queries = [...new Set(TYPED.flatMap((typed) => Array.from({ length: typed.length }, (_, end) => typed.slice(0, end + 1))))];

  it('answers every typed prefix exactly as a scan over every code would', () => {
    const differing = queries.filter((query) => JSON.stringify(index.search(query, 20).map((hit) => hit.code)) !== JSON.stringify(scanAll(scanned, query, 20)));
    expect(differing).toEqual([]);
    expect(queries.filter((query) => index.search(query, 20).length > 0).length).toBeGreaterThan(queries.length * 0.9);
  });
});
