import { register, type SyncTableDeclarations } from '../../sync/tables.ts';

/** An organization and its clinics: the boundary of trust, which no row of theirs ever crosses. */
export const clinicSyncTables = {
  organizations: register({ by: 'organization' }, 'id', { organizationColumn: 'id' }),
  clinics: register({ by: 'self' }, 'id', { organizationColumn: 'organization_id' }),
} as const satisfies SyncTableDeclarations;
