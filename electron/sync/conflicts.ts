import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { findDuplicates } from '../patients/duplicates.ts';
import type { Db } from '../db/database.ts';
import type { AppliedRow } from './apply.ts';
import { statement } from '../db/statements.ts';

export type ConflictKind = 'DOUBLE_BOOKING' | 'DUPLICATE_PATIENT' | 'DUPLICATE_TOKEN';
export type DetectedConflict = { readonly id: string; readonly clinicId: string; readonly kind: ConflictKind; readonly rowIds: readonly string[] };

/**
 * The same conflict gets the same id on every workstation that notices it (a hash of its kind
 * and its rows), so recording it twice converges to one record.
 */
export function conflictId(kind: ConflictKind, rowIds: readonly string[]): string {
  const hex = createHash('sha256').update(`${kind}:${[...rowIds].sort().join(',')}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function conflict(kind: ConflictKind, clinicId: string, rowIds: readonly string[]): DetectedConflict {
  const sorted = [...rowIds].sort();
  return { id: conflictId(kind, sorted), clinicId, kind, rowIds: sorted };
}

/**
 * The rows of a page that clash with another row: the statement reads the page's ids from a
 * JSON array (a page brings hundreds of them, looked at in one statement) and answers each
 * clashing pair with its clinic.
 */
function clashingPairs(sqlite: Database.Database, kind: ConflictKind, sql: string, ids: readonly string[]): DetectedConflict[] {
  if (ids.length === 0) return [];
  const rows = statement(sqlite, sql).all(JSON.stringify(ids)) as { id: string; other_id: string; clinic_id: string }[];
  return rows.map((row) => conflict(kind, row.clinic_id, [row.id, row.other_id]));
}

/**
 * Two workstations booked one doctor for overlapping times. No appointment lasts a day, so only
 * the doctor's appointments starting within the day before can overlap: the index reads those.
 */
const DOUBLE_BOOKINGS_SQL = `select a.id, other.id as other_id, a.clinic_id from json_each(?) as page
     join appointments a on a.id = page.value
     join appointments other
       on other.clinic_id = a.clinic_id and other.doctor_user_id = a.doctor_user_id and other.id <> a.id
      and other.start_at < a.end_at and other.end_at > a.start_at
      and other.start_at > strftime('%Y-%m-%dT%H:%M:%fZ', a.start_at, '-1 day')
      and other.status in ('SCHEDULED', 'CHECKED_IN', 'COMPLETED') and other.deleted_at is null
    where a.status in ('SCHEDULED', 'CHECKED_IN', 'COMPLETED') and a.deleted_at is null`;

/** Two desks handed out one token on one day. */
const DUPLICATE_TOKENS_SQL = `select e.id, other.id as other_id, e.clinic_id from json_each(?) as page
     join queue_entries e on e.id = page.value
     join queue_entries other
       on other.clinic_id = e.clinic_id and other.service_date = e.service_date and other.token = e.token and other.id <> e.id and other.deleted_at is null
    where e.deleted_at is null`;

function registeredOn(sqlite: Database.Database, patientId: string): string | null {
  return (statement(sqlite, `select device_id from audit_log where action = 'patients.register' and entity_id = ? limit 1`).pluck().get(patientId) as string | undefined) ?? null;
}

/**
 * The same person registered at two workstations while they were apart. A pair registered at
 * one workstation was already checked by its desk against the duplicate warning, so it is not.
 */
function duplicatePatients(sqlite: Database.Database, db: Db, patientId: string): DetectedConflict[] {
  const row = statement(sqlite, `select * from patients where id = ? and merged_into_id is null and deleted_at is null`).get(patientId) as
    | { registered_clinic_id: string; given_name: string; family_name: string; birth_date: string | null; phone: string; national_id: string }
    | undefined;
  if (row === undefined) return [];
  const { visible } = findDuplicates(db, { givenName: row.given_name, familyName: row.family_name, birthDate: row.birth_date, phone: row.phone, nationalId: row.national_id, excludePatientId: patientId }, row.registered_clinic_id);
  if (visible.length === 0) return [];
  const here = registeredOn(sqlite, patientId);
  return visible
    .filter((candidate) => here === null || registeredOn(sqlite, candidate.row.id) !== here)
    .map((candidate) => conflict('DUPLICATE_PATIENT', row.registered_clinic_id, [patientId, candidate.row.id]));
}

/** The rows worth a look after a merge: any booking, and new tokens and patients. */
function needsCheck(row: AppliedRow): boolean {
  return row.table === 'appointments' || ((row.table === 'queue_entries' || row.table === 'patients') && row.inserted);
}

/** Marks a pull's rows for the check, in the pull's own transaction (see syncConflictChecks). */
export function markForConflictCheck(sqlite: Database.Database, applied: readonly AppliedRow[]): void {
  const mark = statement(sqlite, `insert into sync_conflict_checks (tbl, row_id) values (?, ?) on conflict do nothing`);
  for (const row of applied) if (needsCheck(row)) mark.run(row.table, row.id);
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
  const detected = [
    ...clashingPairs(sqlite, 'DOUBLE_BOOKING', DOUBLE_BOOKINGS_SQL, ids('appointments')),
    ...clashingPairs(sqlite, 'DUPLICATE_TOKEN', DUPLICATE_TOKENS_SQL, ids('queue_entries')),
    ...ids('patients').flatMap((id) => duplicatePatients(sqlite, db, id)),
  ];
  for (const item of detected) found.set(item.id, item);
  const unmark = statement(sqlite, `delete from sync_conflict_checks where tbl = ? and row_id = ?`);
  for (const mark of taken) unmark.run(mark.tbl, mark.row_id);
  const known = statement(sqlite, `select 1 from sync_conflicts where id = ?`).pluck();
  return { conflicts: [...found.values()].filter((item) => known.get(item.id) === undefined), more: marks.length > limit };
}
