import type { DiagnosisCode } from '#shared/modules/diagnosis-codes/calls.ts';

export type IndexedCode = { readonly code: string; readonly title: string; readonly billable: boolean };

/** Lower case, accents off, split on anything not a letter or digit: how titles and queries are cut into words. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

const CODE_QUERY = /^[A-Z][0-9][0-9A-Z]{0,5}$/;

/** A query that is a code or its start (J0, J06, J06., J069, J06.9), undotted; null for words. */
function codeQueryOf(query: string): string | null {
  const upper = query.toUpperCase();
  const dot = upper.indexOf('.');
  if (dot !== -1 && dot !== 3) return null;
  const undotted = upper.replace('.', '');
  return CODE_QUERY.test(undotted) ? undotted : null;
}

/** First index in a sorted array whose value is not below `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? '') < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The half-open range of a sorted array whose values start with `prefix`. */
function prefixRange(sorted: readonly string[], prefix: string): readonly [number, number] {
  return [lowerBound(sorted, prefix), lowerBound(sorted, `${prefix}\uffff`)];
}

// Ranking keys, smaller first: tier (exact code, code prefix, title words), then billable before
// headers, then closeness, then the code's own order. Packed into one number so choosing the best
// few of thousands of matches is a comparison of numbers.
const TIER = 1e13;
const HEADER = 1e12;
const CLOSENESS = 1e6;

/**
 * The code set in memory for typing-speed search: codes in code order; every distinct title word
 * in sorted order, so a typed prefix is a range of word ranks; for each word rank the codes using
 * it, and for each code its word ranks (both flat arrays with offsets).
 */
export class DiagnosisSearchIndex {
  private readonly undotted: string[];
  private readonly codes: readonly IndexedCode[];
  private readonly titleLength: Int32Array;
  private readonly words: string[];
  private readonly wordCodesStart: Int32Array;
  private readonly wordCodes: Int32Array;
  private readonly codeWordsStart: Int32Array;
  private readonly codeWords: Int32Array;
  private readonly seenStamp: Uint32Array;
  private stamp = 0;

  constructor(unsorted: readonly IndexedCode[]) {
    const keyed = unsorted.map((entry) => ({ entry, undotted: entry.code.replace('.', '') })).sort((a, b) => (a.undotted < b.undotted ? -1 : a.undotted > b.undotted ? 1 : 0));
    const codes = keyed.map((item) => item.entry);
    this.codes = codes;
    this.undotted = keyed.map((item) => item.undotted);
    this.titleLength = Int32Array.from(codes, (entry) => entry.title.length);
    const wordsByCode = codes.map((entry) => [...new Set(wordsOf(entry.title))]);
    this.words = [...new Set(wordsByCode.flat())].sort();
    const rankOf = new Map(this.words.map((word, rank) => [word, rank]));

    const wordRanks = wordsByCode.map((words) => Int32Array.from(words, (word) => rankOf.get(word) ?? 0));

    this.codeWordsStart = new Int32Array(codes.length + 1);
    const counts = new Int32Array(this.words.length);
    let total = 0;
    wordRanks.forEach((ranks, id) => {
      this.codeWordsStart[id] = total;
      total += ranks.length;
      for (const rank of ranks) counts[rank] = (counts[rank] ?? 0) + 1;
    });
    this.codeWordsStart[codes.length] = total;
    this.codeWords = new Int32Array(total);
    wordRanks.forEach((ranks, id) => this.codeWords.set(ranks, this.codeWordsStart[id]));
    this.wordCodesStart = new Int32Array(this.words.length + 1);
    for (let rank = 0; rank < this.words.length; rank += 1) this.wordCodesStart[rank + 1] = (this.wordCodesStart[rank] ?? 0) + (counts[rank] ?? 0);
    this.wordCodes = new Int32Array(total);
    // Each word's codes in ranking order (billable first, then shorter titles, then code order),
    // so a query needs only the first few matches among the codes of each word it could begin:
    // filling every word's list from the codes taken in that order sorts them all at once.
    const byRanking = Int32Array.from(codes.keys()).sort((a, b) => Number(codes[a]?.billable === false) - Number(codes[b]?.billable === false) || (this.titleLength[a] ?? 0) - (this.titleLength[b] ?? 0) || a - b);
    const filled = this.wordCodesStart.slice(0, this.words.length);
    for (const id of byRanking) {
      for (const rank of wordRanks[id] ?? []) {
        const slot = filled[rank] ?? 0;
        this.wordCodes[slot] = id;
        filled[rank] = slot + 1;
      }
    }
    this.seenStamp = new Uint32Array(codes.length);
  }

  get size(): number {
    return this.codes.length;
  }

  search(query: string, limit: number): DiagnosisCode[] {
    const trimmed = query.trim();
    if (trimmed === '') return [];
    const best = new BestOf(limit);
    this.stamp += 1;
    const codeQuery = codeQueryOf(trimmed);
    if (codeQuery !== null) this.collectCodes(codeQuery, best);
    this.collectTitles(wordsOf(trimmed), best);
    return best.ids().map((id) => {
      const entry = this.codes[id];
      if (entry === undefined) throw new Error('search index out of step');
      return { code: entry.code, title: entry.title, billable: entry.billable };
    });
  }

  private collectCodes(prefix: string, best: BestOf): void {
    const [from, to] = prefixRange(this.undotted, prefix);
    for (let id = from; id < to; id += 1) {
      const undotted = this.undotted[id] ?? '';
      const exact = undotted === prefix;
      const key = (exact ? 0 : TIER) + (this.codes[id]?.billable === true ? 0 : HEADER) + (undotted.length - prefix.length) * CLOSENESS + id;
      this.seenStamp[id] = this.stamp;
      best.offer(id, key);
    }
  }

  private collectTitles(queryWords: readonly string[], best: BestOf): void {
    if (queryWords.length === 0) return;
    const ranges = queryWords.map((word) => prefixRange(this.words, word));
    // Walk the codes of the rarest typed word; check the others on each code's own few words.
    let rarest = 0;
    let rarestCount = Infinity;
    ranges.forEach(([from, to], index) => {
      const count = (this.wordCodesStart[to] ?? 0) - (this.wordCodesStart[from] ?? 0);
      if (count < rarestCount) {
        rarest = index;
        rarestCount = count;
      }
    });
    if (rarestCount === 0) return;
    const [from, to] = ranges[rarest] ?? [0, 0];
    const exactRanks = queryWords.map((word) => {
      const rank = lowerBound(this.words, word);
      return this.words[rank] === word ? rank : -1;
    });
    // Each word's codes come in ranking order: once a word has given as many matches as asked
    // for with the other typed words as whole as they can be (a typed word no title has whole is
    // never whole), nothing further of that word can rank above them.
    const neverWhole = exactRanks.filter((rank, index) => rank === -1 && index !== rarest).length;
    for (let rank = from; rank < to; rank += 1) {
      const bestInexact = (rank === exactRanks[rarest] ? 0 : 1) + neverWhole;
      let bestFound = 0;
      for (let slot = this.wordCodesStart[rank] ?? 0, end = this.wordCodesStart[rank + 1] ?? 0; slot < end && bestFound < best.limit; slot += 1) {
        const id = this.wordCodes[slot] ?? 0;
        if (this.seenStamp[id] === this.stamp) continue;
        this.seenStamp[id] = this.stamp;
        const inexact = this.inexactWords(id, ranges, exactRanks);
        if (inexact < 0) continue;
        if (inexact === bestInexact) bestFound += 1;
        best.offer(id, this.titleKey(id, inexact));
      }
    }
  }

  /** How many typed words the code's title has only as the beginning of a longer word; -1 when one it lacks altogether. */
  private inexactWords(id: number, ranges: readonly (readonly [number, number])[], exactRanks: readonly number[]): number {
    const wordsFrom = this.codeWordsStart[id] ?? 0;
    const wordsTo = this.codeWordsStart[id + 1] ?? 0;
    let inexact = 0;
    for (let index = 0; index < ranges.length; index += 1) {
      const [low, high] = ranges[index] ?? [0, 0];
      const exactRank = exactRanks[index] ?? -1;
      let found = false;
      let exact = false;
      for (let at = wordsFrom; at < wordsTo; at += 1) {
        const rank = this.codeWords[at] ?? -1;
        if (rank >= low && rank < high) {
          found = true;
          if (rank === exactRank) exact = true;
        }
      }
      if (!found) return -1;
      if (!exact) inexact += 1;
    }
    return inexact;
  }

  private titleKey(id: number, inexact: number): number {
    return 2 * TIER + (this.codes[id]?.billable === true ? 0 : HEADER) + inexact * 1e10 + (this.titleLength[id] ?? 0) * CLOSENESS + id;
  }
}

/** The `limit` lowest keys offered, kept sorted; most offers lose to the worst kept and cost one comparison. */
class BestOf {
  private readonly keys: number[] = [];
  private readonly idsByKey: number[] = [];

  constructor(readonly limit: number) {}

  offer(id: number, key: number): void {
    const count = this.keys.length;
    if (count === this.limit && key >= (this.keys[count - 1] ?? Infinity)) return;
    let at = count;
    while (at > 0 && (this.keys[at - 1] ?? -Infinity) > key) at -= 1;
    this.keys.splice(at, 0, key);
    this.idsByKey.splice(at, 0, id);
    if (this.keys.length > this.limit) {
      this.keys.pop();
      this.idsByKey.pop();
    }
  }

  ids(): number[] {
    return this.idsByKey;
  }
}
