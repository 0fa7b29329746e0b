import { stateMachine, type SyncTableDeclarations } from '../../sync/tables.ts';

/** Called and waiting swap places (a patient called back to waiting), so they share a rank. */
export const queueStatusRanks = { WAITING: 0, CALLED: 0, IN_CONSULTATION: 1, LEFT: 2, DONE: 3 } as const;

export const queueSyncTables = {
  queue_entries: stateMachine({ by: 'column', column: 'clinic_id' }, 'status', queueStatusRanks),
} as const satisfies SyncTableDeclarations;
