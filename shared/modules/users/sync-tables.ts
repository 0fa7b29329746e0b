import { bySubject, register, type SubjectDeclaration, type SyncTableDeclarations } from '../../sync/tables.ts';

/** A user account belongs to one organization and is seen by the clinics where it holds a role. */
export const userSubject = {
  name: 'user',
  table: 'users',
  homeClinicColumn: null,
  organizationColumn: 'organization_id',
  link: { table: 'memberships', subjectColumn: 'user_id', clinicColumn: 'clinic_id' },
} as const satisfies SubjectDeclaration;

export const userSyncTables = {
  users: register(bySubject('user', 'id'), 'id', {
    organizationColumn: 'organization_id',
    account: { changedByColumn: 'account_changed_by', selfServiceColumns: ['password_hash', 'must_change_password', 'password_changed_at'], administrator: { column: 'role', value: 'ADMIN' } },
  }),
  memberships: register({ by: 'column', column: 'clinic_id' }),
} as const satisfies SyncTableDeclarations;
