import type { StateCreator } from 'zustand';
import type { SyncStatus } from '#shared/api/calls/sync.ts';
import type { AppState } from './store.ts';

/** What the core last said about sync: from a sync.status call, then from its sync.status events. */
export type SyncSlice = {
  /** Null until the first answer after sign-in. */
  readonly syncStatus: SyncStatus | null;
  readonly applySyncStatus: (status: SyncStatus | null) => void;
};

export const createSyncSlice: StateCreator<AppState, [], [], SyncSlice> = (set) => ({
  syncStatus: null,
  applySyncStatus: (syncStatus) => set({ syncStatus }),
});
