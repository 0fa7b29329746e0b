import { createHash } from 'node:crypto';
import type { FeedChange } from '#shared/sync/protocol.ts';
import type { SyncValue } from '#shared/sync/merge.ts';
import type { HubQueries } from '../db/hub-db.ts';
import type { Device } from './devices.ts';
import { hubErrors } from './hub-errors.ts';

export type Cursor = { readonly txid: string; readonly id: string; readonly check?: string | undefined };

/**
 * A feed position: the transaction and change ids, and a fingerprint of the change found there.
 * Ids are reused after a restore from an older backup, so the hub checks the fingerprint and
 * tells a workstation holding a position it no longer knows to read its feed anew.
 */
export function parseCursor(text: string | null): Cursor {
  if (text === null) return { txid: '0', id: '0' };
  const match = /^(\d{1,20}):(\d{1,20})(?::([0-9a-f]{12}))?$/.exec(text);
  if (match === null) throw hubErrors.badRequest('The sync position is not valid; the workstation will start from the beginning.');
  return { txid: match[1] ?? '0', id: match[2] ?? '0', check: match[3] };
}

export function changeFingerprint(change: { row_id: string; hlc: string; origin: string }): string {
  return createHash('sha256').update(`${change.origin}\u0000${change.row_id}\u0000${change.hlc}`).digest('hex').slice(0, 12);
}

export function formatCursor(cursor: Cursor): string {
  return `${cursor.txid}:${cursor.id}${cursor.check === undefined ? '' : `:${cursor.check}`}`;
}

/** Whether the change a cursor points at is still the one the workstation read there. */
async function cursorKnown(db: HubQueries, clinics: readonly string[], cursor: Cursor): Promise<boolean> {
  if (cursor.check === undefined || cursor.txid === '0') return true;
  for (const clinic of clinics) {
    const [row] = await db.query<{ row_id: string; hlc: string; origin: string }>(`select row_id, hlc, origin::text from hub_changes where clinic_id = $1 and txid = $2::xid8 and id = $3::bigint`, [clinic, cursor.txid, cursor.id]);
    if (row !== undefined) return changeFingerprint(row) === cursor.check;
  }
  return false;
}

function clinicsFor(device: Device, clinicId: string | undefined): string[] {
  if (clinicId === undefined) return [...device.clinicIds];
  if (!device.clinicIds.includes(clinicId)) throw hubErrors.forbidden('This workstation is not enrolled in that clinic; it receives only its own clinics.');
  return [clinicId];
}

/**
 * A page of a device's clinics' changes after its cursor. Only transactions that finished before
 * any still running are read, so a change that commits later can never fall behind the cursor.
 */
type FeedRow = { id_text: string; txid_text: string; tbl: string; row_id: string; kind: 'insert' | 'update'; columns: Record<string, SyncValue>; hlc: string; clock: Record<string, string> | null; origin: string };

export async function pullChanges(
  db: HubQueries,
  device: Device,
  request: { cursor: string | null; limit: number; clinicId?: string | undefined },
): Promise<{ changes: FeedChange[]; cursor: string | null; more: boolean; head: string | null; cursorUnknown?: true }> {
  const clinics = clinicsFor(device, request.clinicId);
  const after = parseCursor(request.cursor);
  if (!(await cursorKnown(db, clinics, after))) return { changes: [], cursor: null, more: true, head: null, cursorUnknown: true };
  // One watermark for every clinic's query: the page may then stop anywhere without skipping.
  const [mark] = await db.query<{ xmin: string }>(`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`);
  const xmin = mark?.xmin ?? '0';
  const found: FeedRow[] = [];
  let head: { txid_text: string; id_text: string } | undefined;
  // Clinic by clinic, so each query walks the feed index from the cursor (an "any" of clinics
  // would read the whole feed): a sync with nothing to do costs the same at any size.
  for (const clinic of clinics) {
    found.push(
      ...(await db.query<FeedRow>(
        `select id::text as id_text, txid::text as txid_text, tbl, row_id, kind, columns, hlc, clock, origin::text from hub_changes
         where clinic_id = $1 and (txid, id) > ($2::xid8, $3::bigint) and txid < $4::xid8 order by txid, id limit $5`,
        [clinic, after.txid, after.id, xmin, request.limit],
      )),
    );
    const [newest] = await db.query<{ txid_text: string; id_text: string }>(
      `select txid::text as txid_text, id::text as id_text from hub_changes where clinic_id = $1 and txid < $2::xid8 order by txid desc, id desc limit 1`,
      [clinic, xmin],
    );
    if (newest !== undefined && (head === undefined || compareCursors(`${newest.txid_text}:${newest.id_text}`, `${head.txid_text}:${head.id_text}`) > 0)) head = newest;
  }
  const rows = clinics.length === 1 ? found : found.sort((a, b) => compareCursors(`${a.txid_text}:${a.id_text}`, `${b.txid_text}:${b.id_text}`)).slice(0, request.limit);
  const last = rows[rows.length - 1];
  // One change fanned out to two of the device's clinics arrives once.
  const seen = new Set<string>();
  const changes: FeedChange[] = [];
  for (const row of rows) {
    const key = `${row.tbl}\u0000${row.row_id}\u0000${row.hlc}\u0000${JSON.stringify(row.columns)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    changes.push({ table: row.tbl, id: row.row_id, kind: row.kind, columns: row.columns, hlc: row.hlc, clock: row.clock, origin: row.origin });
  }
  return {
    changes,
    cursor: last === undefined ? request.cursor : formatCursor({ txid: last.txid_text, id: last.id_text, check: changeFingerprint(last) }),
    more: rows.length === request.limit,
    head: head === undefined ? null : formatCursor({ txid: head.txid_text, id: head.id_text }),
  };
}

/** Compares two cursors: negative when a comes first. */
export function compareCursors(a: string | null, b: string | null): number {
  const left = parseCursor(a);
  const right = parseCursor(b);
  const byTx = BigInt(left.txid) - BigInt(right.txid);
  if (byTx !== 0n) return byTx < 0n ? -1 : 1;
  const byId = BigInt(left.id) - BigInt(right.id);
  return byId === 0n ? 0 : byId < 0n ? -1 : 1;
}
