import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/database.ts';
import { editDistance } from './normalize.ts';

const REFRESH_AFTER_MS = 30_000;

/**
 * The words of every indexed name, held in memory, for one-typo tolerance: the edits of a typed
 * word are looked up here instead of sending hundreds of alternatives to the full-text index.
 * It is rebuilt when marked stale (a name written here) or after a short while (one written
 * elsewhere, by sync), so a new rare name is typo-tolerant within seconds.
 */
export class TermDictionary {
  #terms = new Set<string>();
  #alphabet: string[] = [];
  #builtAtMs = Number.NEGATIVE_INFINITY;
  #stale = true;

  markStale(): void {
    this.#stale = true;
  }

  #refresh(db: Db, nowMs: number): void {
    if (!this.#stale && nowMs - this.#builtAtMs < REFRESH_AFTER_MS) return;
    const rows = db.all<{ term: string }>(sql`select term from patient_name_terms`).map((row) => row.term);
    this.#terms = new Set(rows);
    const letters = new Set<string>();
    for (const term of rows) for (const char of term) letters.add(char);
    this.#alphabet = [...letters];
    this.#builtAtMs = nowMs;
    this.#stale = false;
  }

  /** Indexed words one edit (insert, delete, substitute, swap) away from the word, itself excluded. */
  neighbours(db: Db, word: string, nowMs: number): string[] {
    this.#refresh(db, nowMs);
    const found = new Set<string>();
    const consider = (candidate: string): void => {
      if (candidate !== word && this.#terms.has(candidate)) found.add(candidate);
    };
    const chars = Array.from(word);
    for (let index = 0; index <= chars.length; index += 1) {
      const head = chars.slice(0, index).join('');
      const tail = chars.slice(index);
      if (tail.length > 0) consider(head + tail.slice(1).join(''));
      if (tail.length > 1) consider(head + (tail[1] ?? '') + (tail[0] ?? '') + tail.slice(2).join(''));
      for (const letter of this.#alphabet) {
        if (tail.length > 0) consider(head + letter + tail.slice(1).join(''));
        consider(head + letter + tail.join(''));
      }
    }
    return [...found].filter((term) => editDistance(term, word, 1) <= 1);
  }
}
