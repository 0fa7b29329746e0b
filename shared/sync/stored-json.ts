import { isClock, isFeedChanges, isRowValues, isStoredChange } from './bulk-checks.ts';
import type { FeedChange } from './protocol.ts';
import type { RowClock, SyncValue } from './merge.ts';

// JSON the sync engine stored itself (a row's clocks, a parked row, the hub's feed entries), read
// back with the same checks as what arrives over the wire: a damaged value stops with its name
// instead of being merged as if it were whole.

/** Raised when stored sync JSON does not have the shape it was written with. */
export class DamagedSyncData extends Error {}

function parsed(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DamagedSyncData(`${what} is not JSON.`);
  }
}

export function readRowClock(text: string, what = 'A row clock'): RowClock {
  const value = parsed(text, what);
  if (!isClock(value)) throw new DamagedSyncData(`${what} is not a set of column stamps.`);
  return value;
}

export function readRowValues(text: string, what = 'A stored row'): Record<string, SyncValue> {
  const value = parsed(text, what);
  if (!isRowValues(value)) throw new DamagedSyncData(`${what} is not a row of values.`);
  return value;
}

/** A hub feed entry's changes, without the origin that each change takes from its entry. */
export function readStoredChanges(text: string, what = 'A feed entry'): Omit<FeedChange, 'origin'>[] {
  const value = parsed(text, what);
  if (!Array.isArray(value) || !value.every(isStoredChange)) throw new DamagedSyncData(`${what} is not a list of changes.`);
  return value;
}

/** Whole feed entries' changes, each naming its origin, as the hub stores them and sends them on. */
export function readFeedChanges(text: string, what = 'A feed entry'): FeedChange[] {
  const value = parsed(text, what);
  if (!isFeedChanges(value)) throw new DamagedSyncData(`${what} is not a list of changes.`);
  return value;
}
