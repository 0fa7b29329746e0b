import { register, type SyncTableDeclarations } from './tables.ts';

/** The sync engine's own replicated tables: enrolled devices and the conflicts people resolve. */
export const engineSyncTables = {
  devices: register({ by: 'device' }, 'id', { ownDeviceOnly: true }),
  sync_conflicts: register({ by: 'column', column: 'clinic_id' }),
} as const satisfies SyncTableDeclarations;
