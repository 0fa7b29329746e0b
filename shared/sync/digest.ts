import type { SyncValue } from './merge.ts';

// "Are we equal?" (SYNC.md §10): each replicated table's rows have an order-independent digest,
// the count of rows and the sum of a hash of each row's values. The hub computes it in SQL and a
// workstation in JavaScript, over the same canonical text, so both give the same figures for the
// same rows whatever order they were written in. A table that differs is split by the hub into
// ranges of keys holding about as many rows each, and only the ranges that differ are read again,
// along the key's index.

/** How many ranges of keys a differing table is compared in. */
export const DIGEST_RANGES = 256;
/** Hex characters of md5(row text) added up: 60 bits, so a million rows' sum stays exact in SQL's numeric. */
export const DIGEST_HASH_CHARS = 15;
/** Joins the values of a row's columns, taken in the order of their names. */
export const DIGEST_SEPARATOR = '\u001f';
/** Stands for SQL's null, which no text value can be. */
export const DIGEST_NULL = '\u001e';

export type TableDigest = { readonly count: number; readonly sum: string };

/** The text whose hash is a row's share of its table's digest: its values in the order of their columns' names. */
export function digestText(values: readonly (SyncValue | undefined)[]): string {
  let text = '';
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    if (index > 0) text += DIGEST_SEPARATOR;
    text += value === null || value === undefined ? DIGEST_NULL : String(value);
  }
  return text;
}

export function sameDigest(a: TableDigest | undefined, b: TableDigest | undefined): boolean {
  return (a?.count ?? 0) === (b?.count ?? 0) && (a?.sum ?? '0') === (b?.sum ?? '0');
}

/** A range of keys: after the previous range's end (or from the start), through this end (or to the last key when null). */
export type RangeDigest = TableDigest & { readonly through: string | null };
