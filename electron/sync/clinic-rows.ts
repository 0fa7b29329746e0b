import { subjectNamed, syncTable, type ClinicScope, type SyncedTableName } from '#shared/sync/tables.ts';

// Which rows of a table are one clinic's on this workstation, by the same scopes the hub routes by
// (SYNC.md §7): what a standalone workstation sends when it first connects, and what a
// comparison with the hub counts when the workstation holds more than one clinic.

/**
 * The ids of a subject's rows the clinic sees: those it is home to and those linked to it. A link
 * table scoped by the clinic column (a user's roles) sends its tombstoned links up too, so their
 * subjects go with them; links that follow their subject count only while live.
 */
function subjectIdsHere(name: string): string {
  const subject = subjectNamed(name);
  const link = syncTable(subject.link.table);
  const liveOnly = link.scope.by === 'subject' && link.scope.subject === name ? ' and deleted_at is null' : '';
  const linked = `select "${subject.link.subjectColumn}" from "${subject.link.table}" where "${subject.link.clinicColumn}" = :clinic${liveOnly}`;
  if (subject.homeClinicColumn === null) return linked;
  return `select "${syncTable(subject.table).key}" from "${subject.table}" where "${subject.homeClinicColumn}" = :clinic or "${syncTable(subject.table).key}" in (${linked})`;
}

function condition(scope: ClinicScope, key: string): string {
  switch (scope.by) {
    case 'self':
      return `"${key}" = :clinic`;
    case 'device':
      return `1 = 1`;
    case 'organization':
      return `"${scope.organizationColumn ?? key}" in (select organization_id from clinics where id = :clinic)`;
    case 'column':
      return `"${scope.column}" = :clinic`;
    case 'subject':
      return `"${scope.column}" in (${subjectIdsHere(scope.subject)})`;
    case 'parent': {
      const parent = syncTable(scope.table);
      return `"${scope.column}" in (select "${parent.key}" from "${scope.table}" where ${condition(parent.scope, parent.key)})`;
    }
    case 'clinicOrSubject':
      return `"${scope.clinicColumn}" = :clinic or ("${scope.clinicColumn}" is null and ("${scope.subjectColumn}" is null or "${scope.subjectColumn}" in (${subjectIdsHere(scope.subject)})))`;
  }
}

/** An SQL condition (with a :clinic parameter) on the table's rows that are the clinic's. */
export function rowsInClinic(table: SyncedTableName): string {
  const declared = syncTable(table);
  return condition(declared.scope, declared.key);
}
