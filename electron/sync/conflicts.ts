import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '../db/database.ts';
import type { AppliedRow } from './table-writer.ts';
import { syncConflicts } from '../db/schema/index.ts';
import { statement } from '../db/statements.ts';
import { isoAt } from '../platform/clock.ts';
import { conflictDetectors } from './participants.ts';

export type DetectedConflict = { readonly id: string; readonly clinicId: ClinicId; readonly kind: string; readonly rowIds: readonly string[] };

/**
 * The same conflict gets the same id on every workstation that notices it (a hash of its kind
 * and its rows), so recording it twice converges to one record.
 */
export function conflictId(kind: string, rowIds: readonly string[]): string {
  const hex = createHash('sha256').update(`${kind}:${[...rowIds].sort().join(',')}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function detectedConflict(kind: string, clinicId: ClinicId, rowIds: readonly string[]): DetectedConflict {
  const sorted = [...rowIds].sort();
  return { id: conflictId(kind, sorted), clinicId, kind, rowIds: sorted };
}

/**
 * The rows of a page that clash with another row: the statement reads the page's ids from a
 * JSON array (a page brings hundreds of them, looked at in one statement) and answers each
 * clashing pair with its clinic, as columns id, other_id and clinic_id.
 */
export function clashingPairs(sqlite: Database.Database, kind: string, sql: string, ids: readonly string[]): DetectedConflict[] {
  if (ids.length === 0) return [];
  const rows = statement(sqlite, sql).all(JSON.stringify(ids)) as { id: string; other_id: string; clinic_id: ClinicId }[];
  return rows.map((row) => detectedConflict(kind, row.clinic_id, [row.id, row.other_id]));
}

/** Marks a pull's rows for the check, in the pull's own transaction (see syncConflictChecks). */
export function markForConflictCheck(sqlite: Database.Database, applied: readonly AppliedRow[]): void {
  const detectors = conflictDetectors();
  if (detectors.length === 0) return;
  const mark = statement(sqlite, `insert into sync_conflict_checks (tbl, row_id) values (?, ?) on conflict do nothing`);
  for (const row of applied) if (detectors.some((detector) => detector.table === row.table && detector.watches(row))) mark.run(row.table, row.id);
}

export function conflictChecksWaiting(sqlite: Database.Database): boolean {
  return statement(sqlite, `select exists (select 1 from sync_conflict_checks)`).pluck().get() === 1;
}

/**
 * Checks up to `limit` marked rows and takes their marks off, in the caller's transaction, so a
 * conflict is recorded exactly when its rows stop being marked. A clinic's day brings hundreds of
 * rows to check, a catch-up thousands: a limit keeps each turn short for the screens.
 */
export function checkMarkedRows(sqlite: Database.Database, db: Db, limit: number): { conflicts: DetectedConflict[]; more: boolean } {
  const marks = statement(sqlite, `select tbl, row_id from sync_conflict_checks order by tbl, row_id limit ?`).all(limit + 1) as { tbl: string; row_id: string }[];
  const taken = marks.slice(0, limit);
  const ids = (table: string): string[] => taken.filter((mark) => mark.tbl === table).map((mark) => mark.row_id);
  const found = new Map<string, DetectedConflict>();
  for (const detector of conflictDetectors()) {
    const marked = ids(detector.table);
    if (marked.length === 0) continue;
    for (const item of detector.detect(sqlite, db, marked)) found.set(item.id, item);
  }
  const unmark = statement(sqlite, `delete from sync_conflict_checks where tbl = ? and row_id = ?`);
  for (const mark of taken) unmark.run(mark.tbl, mark.row_id);
  const known = statement(sqlite, `select 1 from sync_conflicts where id = ?`).pluck();
  return { conflicts: [...found.values()].filter((item) => known.get(item.id) === undefined), more: marks.length > limit };
}

/** The open conflicts of a kind that name a row, in a clinic: few, read through the open-conflicts index. */
function openConflictsNaming(kind: string, clinicId: ClinicId, rowId: string): SQL {
  return and(eq(syncConflicts.clinicId, clinicId), isNull(syncConflicts.resolvedAt), eq(syncConflicts.kind, kind), sql`exists (select 1 from json_each(${syncConflicts.rowIds}) where value = ${rowId})`) ?? sql`0`;
}

export function hasOpenConflictNaming(db: Db, kind: string, clinicId: ClinicId, rowId: string): boolean {
  return db.select({ id: syncConflicts.id }).from(syncConflicts).where(openConflictsNaming(kind, clinicId, rowId)).limit(1).get() !== undefined;
}

/**
 * Marks resolved, in the caller's transaction, the open conflicts of a kind that name a row: for
 * conflicts a person settles on a module's own screen rather than on the Sync screen.
 */
export function resolveOpenConflictsNaming(tx: Db, kind: string, clinicId: ClinicId, rowId: string, by: { readonly userId: UserId; readonly nowMs: number; readonly resolution: string }): void {
  const now = isoAt(by.nowMs);
  tx.update(syncConflicts).set({ resolvedAt: now, resolvedByUserId: by.userId, resolution: by.resolution, updatedAt: now }).where(openConflictsNaming(kind, clinicId, rowId)).run();
}
