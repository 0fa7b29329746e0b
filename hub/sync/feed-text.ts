import { rowKey } from './batch-state.ts';
import type { FeedEntry } from './related-rows.ts';

/**
 * A pushed transaction's changes as feed text, built before the batch takes its clinic's lock:
 * another batch may hold the lock meanwhile, and building the text of 2,000 changes took about
 * 10 ms of the 90 ms a batch held it. The text assumes the transaction keeps its own stamp and
 * that every change goes to one clinic, as almost all do; an entry that differs is written change
 * by change from the texts of its changes.
 */
export type PreparedChanges = {
  readonly hlc: string;
  /** Each change's own JSON text ({table, id, kind, columns}), as it was hashed. */
  readonly opTexts: readonly string[];
  /** The changes' feed texts joined by commas: bytes for PostgreSQL, text for PGlite. */
  readonly whole: Buffer | string;
};

/** Where a feed entry's change was pushed from: the prepared text of its transaction, and its place in it. */
export type PreparedSource = { readonly prepared: PreparedChanges; readonly index: number };

/** The start of each change's text: it names its origin first, so a pull sends the entry's text as it is (see pull.ts). */
function originPrefix(origin: string): string {
  return `{"origin":${JSON.stringify(origin)},`;
}

/** A pushed change's feed text: the text it was hashed with, its origin and stamp around it. */
function pushedChangeText(prefix: string, opText: string, hlcText: string): string {
  return `${prefix}${opText.slice(1, -1)},"hlc":${hlcText},"clock":null}`;
}

export function prepareChanges(origin: string, hlc: string, opTexts: readonly string[], asBytes: boolean): PreparedChanges {
  const prefix = originPrefix(origin);
  const hlcText = JSON.stringify(hlc);
  const text = opTexts.map((opText) => pushedChangeText(prefix, opText, hlcText)).join(',');
  return { hlc, opTexts, whole: asBytes ? Buffer.from(text, 'utf8') : text };
}

function changeText(entry: FeedEntry, origin: string, prefix: string): string {
  const opText = entry.source?.prepared.opTexts[entry.source.index];
  if (opText !== undefined) return pushedChangeText(prefix, opText, JSON.stringify(entry.hlc));
  return JSON.stringify({ origin, table: entry.table, id: entry.rowId, kind: entry.kind, columns: entry.columns, hlc: entry.hlc, clock: entry.clock });
}

/** Whether the entries from `start` on are all of one transaction's changes, in order, under its own stamp. */
function holdsWholeTransaction(entries: readonly FeedEntry[], start: number): boolean {
  const prepared = entries[start]?.source?.prepared;
  if (prepared === undefined) return false;
  const count = prepared.opTexts.length;
  for (let offset = 0; offset < count; offset += 1) {
    const entry = entries[start + offset];
    if (entry?.source?.prepared !== prepared || entry.source.index !== offset || entry.hlc !== prepared.hlc) return false;
  }
  return true;
}

/**
 * A clinic's feed entries without a change repeated: a row sent whole to a clinic that just
 * started seeing its owner may be one this batch also changed in the same way. Only the rows sent
 * whole are looked at, so the common batch costs nothing here.
 */
function withoutRepeats(entries: readonly FeedEntry[]): readonly FeedEntry[] {
  const sentWhole = new Set(entries.filter((entry) => entry.clock !== null).map((entry) => rowKey(entry.table, entry.rowId)));
  if (sentWhole.size === 0) return entries;
  const seen = new Set<string>();
  return entries.filter((entry) => {
    if (!sentWhole.has(rowKey(entry.table, entry.rowId))) return true;
    const key = `${rowKey(entry.table, entry.rowId)}\u0000${entry.hlc}\u0000${JSON.stringify(entry.columns)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type FeedText = {
  /** The entry as hub_feed.changes holds it: a JSON array. */
  readonly text: Buffer | string;
  /** What its brackets hold, as RecentFeedEntries keeps it. */
  readonly body: Buffer | string;
  readonly changeCount: number;
};

const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');

/** One clinic's feed entry for a batch: its changes in the order they applied, as one JSON text (see migrations/postgres/0003_feed_entries.sql). */
export function feedText(clinicEntries: readonly FeedEntry[], origin: string, asBytes: boolean): FeedText {
  const entries = withoutRepeats(clinicEntries);
  const prefix = originPrefix(origin);
  const pieces: (Buffer | string)[] = [];
  for (let index = 0; index < entries.length; ) {
    const entry = entries[index];
    if (entry === undefined) break;
    if (entry.source?.index === 0 && holdsWholeTransaction(entries, index)) {
      pieces.push(entry.source.prepared.whole);
      index += entry.source.prepared.opTexts.length;
    } else {
      pieces.push(changeText(entry, origin, prefix));
      index += 1;
    }
  }
  if (!asBytes) {
    const body = pieces.map((piece) => (typeof piece === 'string' ? piece : piece.toString('utf8'))).join(',');
    return { text: `[${body}]`, body, changeCount: entries.length };
  }
  const parts: Buffer[] = [OPEN];
  pieces.forEach((piece, index) => {
    if (index > 0) parts.push(COMMA);
    parts.push(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);
  });
  parts.push(CLOSE);
  const text = Buffer.concat(parts);
  return { text, body: text.subarray(1, -1), changeCount: entries.length };
}
