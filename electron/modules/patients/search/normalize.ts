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

/**
 * Three rows of the distance table, reused by every call: the duplicate check compares each
 * patient a pull brings with everyone born that day, and the search's term dictionary each typed
 * word with its neighbours, so a table allocated per call was most of the cost.
 */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Damerau-Levenshtein distance (adjacent transpositions), stopping early once a row of the table
 * exceeds the limit: then it answers limit + 1, as for lengths further apart than the limit.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  if (rows[0].length < cols) rows = [new Int32Array(cols * 2), new Int32Array(cols * 2), new Int32Array(cols * 2)];
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j < cols; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const ai = a.charCodeAt(i - 1);
    current[0] = i;
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    const spare = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length] ?? limit + 1;
}
