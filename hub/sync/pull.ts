import { readFeedChanges, readStoredChanges } from '#shared/sync/stored-json.ts';
import { createHash } from 'node:crypto';
import type { FeedChange } from '#shared/sync/protocol.ts';
import type { HubQueries } from '../db/hub-db.ts';
import type { HubSyncContext } from './context.ts';
import type { DeviceScope } from './recent-devices.ts';
import { hubErrors } from './hub-errors.ts';
import type { RecentFeedEntries } from './recent-feed.ts';

export type Cursor = { readonly txid: string; readonly id: string; readonly check?: string | undefined; readonly offset?: number | undefined };

/**
 * A feed position: the transaction and entry ids, a fingerprint of the entry found there, and
 * how many of its changes were read when the position is inside it. Ids are reused after a
 * restore from an older backup, so the hub checks the fingerprint and tells a workstation holding
 * a position it no longer knows to read its feed anew.
 */
export function parseCursor(text: string | null): Cursor {
  if (text === null) return { txid: '0', id: '0' };
  const match = /^(\d{1,20}):(\d{1,20})(?::([0-9a-f]{12})(?::(\d{1,9}))?)?$/.exec(text);
  if (match === null) throw hubErrors.badRequest('The sync position is not valid; the workstation will start from the beginning.');
  return { txid: match[1] ?? '0', id: match[2] ?? '0', check: match[3], offset: match[4] === undefined ? undefined : Number(match[4]) };
}

export function changeFingerprint(change: { row_id: string; hlc: string; origin: string }): string {
  return createHash('sha256').update(`${change.origin}\u0000${change.row_id}\u0000${change.hlc}`).digest('hex').slice(0, 12);
}

export function formatCursor(cursor: Cursor): string {
  if (cursor.check === undefined) return `${cursor.txid}:${cursor.id}`;
  return `${cursor.txid}:${cursor.id}:${cursor.check}${cursor.offset === undefined ? '' : `:${String(cursor.offset)}`}`;
}

/** Whether the entry a cursor points at is still the one the workstation read there. */
async function cursorKnown(db: HubQueries, clinics: readonly string[], cursor: Cursor): Promise<boolean> {
  if (cursor.check === undefined || cursor.txid === '0') return true;
  for (const clinic of clinics) {
    const [row] = await db.query<{ fingerprint: string; change_count: number }>(`select fingerprint, change_count from hub_feed where clinic_id = $1 and txid = $2::xid8 and id = $3::bigint`, [clinic, cursor.txid, cursor.id]);
    if (row !== undefined) return row.fingerprint === cursor.check && (cursor.offset === undefined || cursor.offset < row.change_count);
  }
  return false;
}

function clinicsFor(device: DeviceScope, clinicId: string | undefined): string[] {
  if (clinicId === undefined) return [...device.clinicIds];
  if (!device.clinicIds.includes(clinicId)) throw hubErrors.forbidden('This workstation is not enrolled in that clinic; it receives only its own clinics.');
  return [clinicId];
}

type EntryHead = { id_text: string; txid_text: string; clinic_id: string; origin: string; change_count: number; fingerprint: string; entry_key: string | null };

/** An entry found after the cursor or the newest one, with the watermark; only the watermark when the clinic has none. */
type FoundEntry = EntryHead & { is_head: boolean; mark_xmin: string; mark_position: string };
type FoundRow = FoundEntry | { is_head: null; mark_xmin: string; mark_position: string };

/** Orders entries by feed position: the writing transaction, then the entry. */
function byPosition(a: EntryHead, b: EntryHead): number {
  const byTx = BigInt(a.txid_text) - BigInt(b.txid_text);
  if (byTx !== 0n) return byTx < 0n ? -1 : 1;
  const byId = BigInt(a.id_text) - BigInt(b.id_text);
  return byId === 0n ? 0 : byId < 0n ? -1 : 1;
}

/** The part of each entry a page takes: entries come whole, but a page may stop inside one. */
type Slice = { entry: EntryHead; from: number; to: number };

/**
 * Which entries, and which of their changes, fill a page of at most limit changes after the
 * cursor. This device's own entries are passed over whole: it holds their changes already.
 */
function planPage(entries: readonly EntryHead[], after: Cursor, deviceId: string, limit: number): { slices: Slice[]; position: Cursor | null; stopped: boolean } {
  const slices: Slice[] = [];
  let position: Cursor | null = null;
  let budget = limit;
  for (const entry of entries) {
    const count = entry.change_count;
    const from = entry.txid_text === after.txid && entry.id_text === after.id ? (after.offset ?? count) : 0;
    const whole: Cursor = { txid: entry.txid_text, id: entry.id_text, check: entry.fingerprint };
    if (entry.origin === deviceId || from >= count) {
      position = whole;
      continue;
    }
    if (budget === 0) return { slices, position, stopped: true };
    const to = Math.min(count, from + budget);
    slices.push({ entry, from, to });
    budget -= to - from;
    if (to < count) return { slices, position: { ...whole, offset: to }, stopped: true };
    position = whole;
  }
  return { slices, position, stopped: false };
}

/**
 * A page's changes as they go out: a whole entry's stored JSON text, which names each change's
 * origin, sent as it is; or changes read from an entry, when the page takes only part of it, when
 * one change may come through two clinics, or when the entry was written without origins.
 */
type PagePart = { readonly json: string } | { readonly bytes: Buffer } | { readonly changes: readonly FeedChange[] };

export type PullRequest = { cursor: string | null; limit: number; clinicId?: string | undefined };
type Page<Changes> = { changes: Changes; cursor: string | null; more: boolean; head: string | null; cursorUnknown?: true; position?: string };

/** The text between an entry's brackets when it can go out as it is. */
function passedThrough(text: string): string | null {
  return text.startsWith('[{"origin":') && text.endsWith(']') ? text.slice(1, -1) : null;
}

function partText(part: PagePart): string {
  if ('json' in part) return part.json;
  if ('bytes' in part) return part.bytes.toString('utf8');
  return JSON.stringify(part.changes).slice(1, -1);
}

/** What a read of the feed needs of the hub: its database, and the entries this process wrote lately. */
type FeedSource = Pick<HubSyncContext, 'db' | 'recentFeed'>;

/** A page of a device's clinics' changes after its cursor, as objects. */
export async function pullChanges(context: FeedSource, device: DeviceScope, request: PullRequest): Promise<Page<FeedChange[]>> {
  const { changes: parts, ...page } = await pullPage(context, device, request);
  return { ...page, changes: parts.flatMap((part) => ('changes' in part ? part.changes : readFeedChanges(`[${partText(part)}]`))) };
}

/**
 * The same page with its changes as a JSON array's bytes, in pieces that go out one after the
 * other as the HTTP answer: joining them would copy half a megabyte into new memory for nothing.
 */
export async function pullChangesJson(context: FeedSource, device: DeviceScope, request: PullRequest): Promise<Page<Buffer[]>> {
  const { changes: parts, ...page } = await pullPage(context, device, request);
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const bytes = 'bytes' in part ? part.bytes : Buffer.from(partText(part), 'utf8');
    if (bytes.length === 0) continue;
    pieces.push(pieces.length === 0 ? OPEN_BRACKET : COMMA, bytes);
  }
  pieces.push(pieces.length === 0 ? EMPTY_ARRAY : CLOSE_BRACKET);
  return { ...page, changes: pieces };
}

const OPEN_BRACKET = Buffer.from('[');
const CLOSE_BRACKET = Buffer.from(']');
const COMMA = Buffer.from(',');
const EMPTY_ARRAY = Buffer.from('[]');

/**
 * A page of a device's clinics' changes after its cursor. Only transactions that finished before
 * any still running are read, so a change that commits later can never fall behind the cursor.
 */
async function pullPage(context: FeedSource, device: DeviceScope, request: PullRequest): Promise<Page<PagePart[]>> {
  const query: PageQuery = { clinics: clinicsFor(device, request.clinicId), after: parseCursor(request.cursor), deviceId: device.id, limit: request.limit };
  // Checked while the entries are read, on another connection: a sync with nothing to do then
  // waits for one round trip to the database after the device's, not three.
  const known = cursorKnown(context.db, query.clinics, query.after);
  known.catch(() => undefined);
  const found = await readEntries(context, query);
  if (!(await known)) return { changes: [], cursor: null, more: true, head: null, cursorUnknown: true };
  const entries = query.clinics.length === 1 ? found.entries : found.entries.sort(byPosition).slice(0, request.limit + 1);
  const plan = planPage(entries, query.after, device.id, request.limit);
  const held = heldEntries(context.recentFeed, plan.slices);
  await readMissingTexts(context.db, plan.slices, found.texts, held);
  return {
    changes: pageParts(plan.slices, held, found.texts, query.clinics.length > 1),
    cursor: plan.position === null ? request.cursor : formatCursor(plan.position),
    more: plan.stopped || found.full,
    head: found.head === undefined ? null : formatCursor({ txid: found.head.txid_text, id: found.head.id_text }),
    ...(found.mark === undefined ? {} : { position: found.mark.position }),
  };
}

/** What a page is read for: the clinics, the cursor it follows, the device asking, and how many changes it may hold. */
type PageQuery = { readonly clinics: readonly string[]; readonly after: Cursor; readonly deviceId: string; readonly limit: number };

/** The snapshot's xmin every clinic's query reads below, and the hub's position with it (see HubIdentity). */
type Watermark = { readonly xmin: string; readonly position: string };

/**
 * What the clinics' queries found: the entries after the cursor, whether one clinic had more than
 * a page, the newest entry, the entries' texts that came with them, and the watermark.
 */
type FoundEntries = { readonly entries: EntryHead[]; readonly full: boolean; readonly head: EntryHead | undefined; readonly texts: Map<string, string>; readonly mark: Watermark | undefined };

const ENTRY_COLUMNS = `id::text as id_text, txid::text as txid_text, clinic_id, origin::text, change_count, fingerprint, entry_key`;

// The texts of the entries the page will take come in the same query, saving a round trip:
// those of other devices until the changes before them reach the limit (counted whole, so an
// entry read from inside may leave the last one out, and it is read after), but for those this
// hub process holds (see RecentFeedEntries).
const OTHERS_BEFORE = `coalesce(sum(case when origin::text <> $6::text then change_count else 0 end) over (order by txid, id rows between unbounded preceding and 1 preceding), 0)`;

/** One clinic's entries after the cursor ($2, $3; from inside an entry when from is '>='), up to $5, and its newest entry, below the watermark $4 or one taken here. */
function entriesAfterSql(from: '>' | '>='): string {
  return `with mark as (select coalesce($4::xid8, pg_snapshot_xmin(s)) as xmin, pg_snapshot_xmax(s)::text as position from pg_current_snapshot() as s)
       select m.xmin::text as mark_xmin, m.position as mark_position, found.* from mark as m left join lateral (
         (select false as is_head, at_txid, at_id, id_text, txid_text, clinic_id, origin, change_count, fingerprint, entry_key,
            case when origin <> $6::text and others_before < $5 - 1 and not coalesce(entry_key = any($7::text[]), false) then changes end as changes_text
          from (select txid as at_txid, id as at_id, ${ENTRY_COLUMNS}, changes, ${OTHERS_BEFORE} as others_before from hub_feed
            where clinic_id = $1 and (txid, id) ${from} ($2::xid8, $3::bigint) and txid < m.xmin order by txid, id limit $5) as page)
         union all
         (select true, txid, id, ${ENTRY_COLUMNS}, null from hub_feed where clinic_id = $1 and txid < m.xmin order by txid desc, id desc limit 1)
       ) as found on true order by found.is_head, found.at_txid, found.at_id`;
}

/** Reads each clinic's entries after the cursor, with the newest entry and the texts the page will take. */
async function readEntries(context: FeedSource, query: PageQuery): Promise<FoundEntries> {
  const { after, limit } = query;
  // One watermark for every clinic's query: the page may then stop anywhere without skipping.
  // The first clinic's query takes it from its own snapshot, with the hub's position (see
  // HubIdentity), and hands it to the others.
  let mark: Watermark | undefined;
  const found: EntryHead[] = [];
  let full = false;
  let head: EntryHead | undefined;
  const texts = new Map<string, string>();
  // Clinic by clinic, so each query walks the feed index from the cursor (an "any" of clinics
  // would read the whole feed): a sync with nothing to do costs the same at any size. Every
  // entry holds a change at least, so limit + 1 entries are enough to fill a page. The newest
  // entry comes in the same query, marked as the head.
  const sql = entriesAfterSql(after.offset === undefined ? '>' : '>=');
  for (const clinic of query.clinics) {
    const rows = await context.db.query<FoundRow & { changes_text: string | null }>(sql, [clinic, after.txid, after.id, mark?.xmin ?? null, limit + 1, query.deviceId, context.recentFeed.keysOf(clinic)]);
    const first = rows[0];
    if (mark === undefined && first !== undefined) mark = { xmin: first.mark_xmin, position: first.mark_position };
    for (const row of rows) if (row.is_head === false && row.changes_text !== null) texts.set(row.id_text, row.changes_text);
    const heads = rows.filter((row): row is FoundEntry & { changes_text: string | null } => row.is_head !== null);
    const newest = heads.find((row) => row.is_head);
    const entries = heads.filter((row) => !row.is_head);
    full ||= entries.length > limit;
    found.push(...entries);
    if (newest !== undefined && (head === undefined || byPosition(newest, head) > 0)) head = newest;
  }
  return { entries: found, full, head, texts, mark };
}

/** The page's entries this hub process still holds as it wrote them, by entry id. */
function heldEntries(recent: RecentFeedEntries, slices: readonly Slice[]): Map<string, Buffer> {
  const held = new Map<string, Buffer>();
  for (const { entry } of slices) {
    const bytes = entry.entry_key === null ? undefined : recent.bytesOf(entry.entry_key);
    if (bytes !== undefined) held.set(entry.id_text, bytes);
  }
  return held;
}

/** Reads the texts of the page's entries that neither came with the first query nor are held here, into texts. */
async function readMissingTexts(db: HubQueries, slices: readonly Slice[], texts: Map<string, string>, held: ReadonlyMap<string, Buffer>): Promise<void> {
  const unread = slices.filter((slice) => !texts.has(slice.entry.id_text) && !held.has(slice.entry.id_text));
  if (unread.length === 0) return;
  // As text: an entry that goes out whole is never parsed here.
  const rows = await db.query<{ id_text: string; changes_text: string }>(
    `select f.id::text as id_text, f.changes as changes_text from hub_feed f join unnest($1::text[], $2::xid8[], $3::bigint[]) as w(clinic_id, txid, id) on f.clinic_id = w.clinic_id and f.txid = w.txid and f.id = w.id`,
    [unread.map((slice) => slice.entry.clinic_id), unread.map((slice) => slice.entry.txid_text), unread.map((slice) => slice.entry.id_text)],
  );
  for (const row of rows) texts.set(row.id_text, row.changes_text);
}

/** The page's changes as they go out (see PagePart), slice by slice. */
function pageParts(slices: readonly Slice[], held: ReadonlyMap<string, Buffer>, texts: ReadonlyMap<string, string>, manyClinics: boolean): PagePart[] {
  // One change fanned out to two of the device's clinics arrives once.
  const seen = manyClinics ? new Set<string>() : null;
  const parts: PagePart[] = [];
  for (const slice of slices) {
    const { entry, from, to } = slice;
    const bytes = held.get(entry.id_text);
    const sentWhole = seen === null && from === 0 && to === entry.change_count;
    if (bytes !== undefined && sentWhole) {
      parts.push({ bytes });
      continue;
    }
    const text = bytes === undefined ? (texts.get(entry.id_text) ?? '[]') : `[${bytes.toString('utf8')}]`;
    const whole = sentWhole ? passedThrough(text) : null;
    if (whole !== null) {
      parts.push({ json: whole });
      continue;
    }
    parts.push({ changes: sliceChanges(slice, text, seen) });
  }
  return parts;
}

/** A slice's changes read from its entry's text, each named with the entry's origin; those already seen through another clinic left out. */
function sliceChanges({ entry, from, to }: Slice, text: string, seen: Set<string> | null): FeedChange[] {
  const list = readStoredChanges(text);
  const changes: FeedChange[] = [];
  for (let index = from; index < to; index += 1) {
    const change = list[index];
    if (change === undefined) continue;
    if (seen !== null) {
      const key = `${change.table}\u0000${change.id}\u0000${change.hlc}\u0000${JSON.stringify(change.columns)}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    changes.push({ table: change.table, id: change.id, kind: change.kind, columns: change.columns, hlc: change.hlc, clock: change.clock, origin: entry.origin });
  }
  return changes;
}
