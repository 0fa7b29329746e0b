import type Database from 'better-sqlite3';

/**
 * Rebuilds the patient name index from the patients table in one transaction: after a bulk load
 * (a first sync) or a VACUUM, which may renumber rowids. Triggers keep it current otherwise.
 */
export function rebuildPatientSearchIndex(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec(`insert into patient_name_fts (patient_name_fts) values ('delete-all')`);
    sqlite.exec(`delete from patient_search_keys`);
    sqlite.exec(`insert into patient_search_keys (patient_id) select id from patients order by id`);
    sqlite.exec(
      `insert into patient_name_fts (rowid, name)
       select k.search_rowid, p.given_name || ' ' || p.family_name
       from patient_search_keys k join patients p on p.id = k.patient_id
       where p.merged_into_id is null and p.deleted_at is null`,
    );
  })();
}
