import type Database from 'better-sqlite3';
import { statement } from '../../../db/statements.ts';

/**
 * Brings the name index up to date for the patients a sync page touched (noted by the triggers
 * of migration 0013), in a few statements for the whole page, in the caller's transaction.
 * Returns how many were noted. The joins start from the note (cross join keeps that order):
 * without statistics the planner would rather walk every patient.
 */
export function indexPendingPatients(sqlite: Database.Database): number {
  const pending = statement(sqlite, `select count(*) from patient_search_pending`).pluck().get() as number;
  if (pending === 0) return 0;
  statement(sqlite, `insert or ignore into patient_search_keys (patient_id) select patient_id from patient_search_pending`).run();
  const renamed = statement(sqlite, `select k.search_rowid from patient_search_pending q cross join patient_search_keys k on k.patient_id = q.patient_id where q.renamed = 1`).pluck().all() as number[];
  const remove = statement(sqlite, `delete from patient_name_fts where rowid = ?`);
  for (const rowid of renamed) remove.run(rowid);
  statement(
    sqlite,
    `insert into patient_name_fts (rowid, name)
     select k.search_rowid, p.given_name || ' ' || p.family_name
     from patient_search_pending q cross join patient_search_keys k on k.patient_id = q.patient_id cross join patients p on p.id = q.patient_id
     where p.merged_into_id is null and p.deleted_at is null`,
  ).run();
  statement(sqlite, `delete from patient_search_pending`).run();
  return pending;
}
