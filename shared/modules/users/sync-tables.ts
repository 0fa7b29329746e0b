import { register, type SyncTableDeclarations } from '../../sync/tables.ts';

export const userSyncTables = {
  users: register({ by: 'user', column: 'id' }),
  memberships: register({ by: 'column', column: 'clinic_id' }),
} as const satisfies SyncTableDeclarations;
