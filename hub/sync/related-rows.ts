import { latestStamp, type RowClock, type StoredRow, type SyncValue } from '#shared/sync/merge.ts';
import { CLOCK_COLUMN, followersOf, registeredSubjects, subjectLinkedBy, subjectOwning, syncTable, type SubjectDeclaration, type SyncedTableName } from '#shared/sync/tables.ts';
import type { HubQueries } from '../db/hub-db.ts';
import type { PreparedSource } from './feed-text.ts';
import { rowKey, type BatchState, type DirtyTable, type RowClinics } from './batch-state.ts';

export type FeedEntry = {
  clinicId: string;
  table: SyncedTableName;
  rowId: string;
  kind: 'insert' | 'update';
  columns: Record<string, SyncValue>;
  hlc: string;
  clock: RowClock | null;
  /** The pushed change the entry is, unaltered, and its transaction's prepared text. */
  source?: PreparedSource;
};

const LOOKUP_CHUNK = 5_000;


/** The clinics each changed row is seen by once the whole batch is applied. */
export function finalClinics(state: BatchState, changed: readonly DirtyTable[], origin: string): RowClinics {
  const result: RowClinics = new Map();
  for (const dirty of changed) result.set(dirty.table, finalClinicsOfTable(state, origin, dirty));
  return result;
}

function finalClinicsOfTable(state: BatchState, origin: string, { table, ids, rows }: DirtyTable): Map<string, Set<string>> {
  const ofTable = new Map<string, Set<string>>();
  for (let index = 0; index < ids.length; index += 1) {
    const id = ids[index] as string;
    const clinics = state.clinicsOf(table, (rows[index] as StoredRow).values, origin);
    ofTable.set(id, clinics.size > 0 ? clinics : new Set(state.attributed.get(rowKey(table, id)) ?? []));
  }
  return ofTable;
}

/** Adds to a row's clinics; a set not held yet is kept as given. */
function addRowClinics(into: RowClinics, table: SyncedTableName, id: string, clinics: Set<string>): void {
  let ofTable = into.get(table);
  if (ofTable === undefined) {
    ofTable = new Map();
    into.set(table, ofTable);
  }
  const held = ofTable.get(id);
  if (held === undefined) ofTable.set(id, clinics);
  else for (const clinic of clinics) held.add(clinic);
}

/** A subject (a patient, a user) by its own table's name and its id. */
type Owner = { readonly subject: SubjectDeclaration; readonly id: string };

function seenKey(clinicId: string, table: string, id: string): string {
  return `${clinicId}\u0000${table}\u0000${id}`;
}

/** The subjects whose rows or links the batch changed; only their tables are walked. */
function changedOwners(changed: readonly DirtyTable[]): Map<string, Owner> {
  const owners = new Map<string, Owner>();
  for (const { table, ids, rows } of changed) {
    const owned = subjectOwning(table);
    const linked = owned === null ? subjectLinkedBy(table) : null;
    const subject = owned ?? linked;
    if (subject === null) continue;
    const ownerColumn = linked === null ? null : linked.link.subjectColumn;
    for (let index = 0; index < ids.length; index += 1) {
      const ownerId = ownerColumn === null ? ids[index] : (rows[index] as StoredRow).values[ownerColumn];
      if (typeof ownerId === 'string') owners.set(rowKey(subject.table, ownerId), { subject, id: ownerId });
    }
  }
  return owners;
}

/** The clinics' keys (seenKey) of the subjects the batch itself creates. */
function ownersCreated(batchFeed: readonly FeedEntry[]): string[] {
  const keys: string[] = [];
  for (const entry of batchFeed) if (entry.kind === 'insert' && subjectOwning(entry.table) !== null) keys.push(seenKey(entry.clinicId, entry.table, entry.rowId));
  return keys;
}

/**
 * A patient linked to another clinic, or a user given a role in one, was never seen by that
 * clinic's workstations: their rows go to it whole, with their clocks, and the hub notes that the
 * clinic now sees them, so a workstation joining it later receives them too. A batch can hold
 * thousands of owners, so what the clinics have seen and the followers' rows are read in one
 * query per table, not one per owner.
 */
export async function fanOutNewClinics(db: HubQueries, state: BatchState, changed: readonly DirtyTable[], clinicsOfRow: RowClinics, batchFeed: readonly FeedEntry[]): Promise<FeedEntry[]> {
  const owners = changedOwners(changed);

  // Each owner's clinics, and which of them have not seen it yet.
  const wanted: { owner: Owner; clinics: string[] }[] = [];
  for (const owner of owners.values()) {
    if (state.get(owner.subject.table, owner.id) === null) continue;
    const clinics = state.clinicsOfSubject(owner.subject.name, owner.id);
    if (clinics.size > 0) wanted.push({ owner, clinics: [...clinics] });
  }
  if (wanted.length === 0) return [];
  const seen = new Set<string>();
  // A patient or user created by this very batch reaches its clinics through the batch's own
  // changes, and so do all its rows (none can be older than it): nothing to send twice, and
  // nothing to look up.
  for (const key of ownersCreated(batchFeed)) seen.add(key);
  const subjects = registeredSubjects();
  for (const { table: ownerTable } of subjects) {
    const pairs = wanted
      .filter((item) => item.owner.subject.table === ownerTable)
      .flatMap((item) => item.clinics.map((clinicId) => [clinicId, item.owner.id] as const))
      .filter(([clinicId, ownerId]) => !seen.has(seenKey(clinicId, ownerTable, ownerId)));
    for (let start = 0; start < pairs.length; start += LOOKUP_CHUNK) {
      const part = pairs.slice(start, start + LOOKUP_CHUNK);
      const found = await db.query<{ clinic_id: string; row_id: string }>(
        `select r.clinic_id, r.row_id from hub_row_clinics r join unnest($2::text[], $3::text[]) as w(clinic_id, row_id) on r.clinic_id = w.clinic_id and r.row_id = w.row_id where r.tbl = $1`,
        [ownerTable, part.map((pair) => pair[0]), part.map((pair) => pair[1])],
      );
      for (const row of found) seen.add(seenKey(row.clinic_id, ownerTable, row.row_id));
    }
  }
  const unseen = wanted.map((item) => ({ owner: item.owner, clinics: item.clinics.filter((clinicId) => !seen.has(seenKey(clinicId, item.owner.subject.table, item.owner.id))) })).filter((item) => item.clinics.length > 0);
  if (unseen.length === 0) return [];

  // The followers of those owners: as stored, then as this batch leaves them.
  type Held = { values: Record<string, SyncValue>; clock: RowClock };
  const heldFollowers = new Map<string, Map<string, Map<string, Held>>>();
  const heldFor = (table: SyncedTableName, ownerId: string): Map<string, Held> => {
    const byOwner = heldFollowers.get(table) ?? new Map<string, Map<string, Held>>();
    heldFollowers.set(table, byOwner);
    const rows = byOwner.get(ownerId) ?? new Map<string, Held>();
    byOwner.set(ownerId, rows);
    return rows;
  };
  for (const subject of subjects) {
    const ids = [...new Set(unseen.filter((item) => item.owner.subject === subject).map((item) => item.owner.id))];
    if (ids.length === 0) continue;
    for (const follower of followersOf(subject.name)) {
      const key = syncTable(follower.table).key;
      for (const id of ids) heldFor(follower.table, id);
      for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
        const stored = await db.query<Record<string, unknown>>(`select * from ${follower.table} where ${follower.column} = any($1::text[])`, [ids.slice(start, start + LOOKUP_CHUNK)]);
        for (const row of stored) {
          const { [CLOCK_COLUMN]: clock, ...values } = row;
          heldFor(follower.table, String(row[follower.column])).set(String(row[key]), { values: values as Record<string, SyncValue>, clock: (clock ?? {}) as RowClock });
        }
      }
    }
  }
  const followerColumns = new Map<string, string>(subjects.flatMap((subject) => followersOf(subject.name)).map((follower) => [follower.table, follower.column] as const));
  for (const { table, ids, rows } of changed) {
    const column = followerColumns.get(table);
    if (column === undefined) continue;
    for (let index = 0; index < ids.length; index += 1) {
      const held = rows[index] as StoredRow;
      const ownerId = held.values[column];
      if (typeof ownerId !== 'string' || heldFollowers.get(table)?.has(ownerId) !== true) continue;
      heldFor(table, ownerId).set(ids[index] as string, { values: { ...held.values }, clock: held.clock });
    }
  }

  const feed: FeedEntry[] = [];
  for (const { owner, clinics } of unseen) {
    for (const clinicId of clinics) {
      for (const follower of followersOf(owner.subject.name)) {
        for (const [id, row] of heldFollowers.get(follower.table)?.get(owner.id) ?? new Map<string, Held>()) {
          feed.push({ clinicId, table: follower.table, rowId: id, kind: 'insert', columns: row.values, hlc: latestStamp(row.clock), clock: row.clock });
          addRowClinics(clinicsOfRow, follower.table, id, new Set([clinicId]));
        }
      }
    }
  }
  return feed;
}
