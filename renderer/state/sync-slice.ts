import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

/** What the status badge shows; the sync engine fills it once a hub is connected. */
export type SyncBadgeState = { readonly kind: 'local-only' } | { readonly kind: 'online'; readonly pending: number } | { readonly kind: 'offline'; readonly pending: number };

export type SyncSlice = {
  readonly sync: SyncBadgeState;
  readonly setSync: (sync: SyncBadgeState) => void;
};

export const createSyncSlice: StateCreator<AppState, [], [], SyncSlice> = (set) => ({
  sync: { kind: 'local-only' },
  setSync: (sync) => set({ sync }),
});
