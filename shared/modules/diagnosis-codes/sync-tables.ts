import type { SyncTableDeclarations } from '../../sync/tables.ts';

// The code set is reference data each workstation loads for itself: nothing of it is synced.
export const diagnosisCodeSyncTables = {} as const satisfies SyncTableDeclarations;
