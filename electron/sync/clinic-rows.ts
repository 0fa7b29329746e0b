import { syncTable, type ClinicScope, type SyncedTableName } from '#shared/sync/tables.ts';

// Which rows of a table are one clinic's on this workstation, by the same scopes the hub routes by
// (SYNC.md §7): what a standalone workstation sends when it first connects, and what a
// comparison with the hub counts when the workstation holds more than one clinic.

const MEMBERS = `select user_id from memberships where clinic_id = :clinic`;
const PATIENTS_HERE = `select id from patients where registered_clinic_id = :clinic or id in (select patient_id from patient_clinics where clinic_id = :clinic and deleted_at is null)`;

function condition(scope: ClinicScope, key: string): string {
  switch (scope.by) {
    case 'self':
      return `"${key}" = :clinic`;
    case 'device':
      return `1 = 1`;
    case 'column':
      return `"${scope.column}" = :clinic`;
    case 'user':
      return `"${scope.column}" in (${MEMBERS})`;
    case 'patient':
      return `"${scope.column}" in (${PATIENTS_HERE})`;
    case 'parent': {
      const parent = syncTable(scope.table);
      return `"${scope.column}" in (select "${parent.key}" from "${scope.table}" where ${condition(parent.scope, parent.key)})`;
    }
    case 'clinicOrUser':
      return `"${scope.clinicColumn}" = :clinic or ("${scope.clinicColumn}" is null and ("${scope.userColumn}" is null or "${scope.userColumn}" in (${MEMBERS})))`;
  }
}

/** An SQL condition (with a :clinic parameter) on the table's rows that are the clinic's. */
export function rowsInClinic(table: SyncedTableName): string {
  const declared = syncTable(table);
  return condition(declared.scope, declared.key);
}
