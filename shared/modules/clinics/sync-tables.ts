import { register, type SyncTableDeclarations } from '../../sync/tables.ts';

export const clinicSyncTables = {
  clinics: register({ by: 'self' }),
} as const satisfies SyncTableDeclarations;
