/**
 * Lower case without accents, as the full-text index's tokenizer (unicode61, remove_diacritics)
 * stores terms, so a typed word and an indexed one compare equal: "José" → "jose".
 */
export function normalizeTerm(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a name or query, normalized. */
export function nameTerms(text: string): string[] {
  return normalizeTerm(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0);
}

/** Damerau-Levenshtein distance, stopping early once it exceeds the limit. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = table[i];
      const previous = table[i - 1];
      if (row === undefined || previous === undefined) continue;
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (table[i - 2]?.[j - 2] ?? 0) + 1);
      row[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return table[a.length]?.[b.length] ?? limit + 1;
}
