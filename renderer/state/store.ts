import { create } from 'zustand';
import { createDataSlice, type DataSlice } from './data-slice.ts';
import { createNavSlice, type NavSlice } from './nav-slice.ts';
import { createSessionSlice, type SessionSlice } from './session-slice.ts';
import { createSyncSlice, type SyncSlice } from './sync-slice.ts';

export type AppState = SessionSlice & NavSlice & SyncSlice & DataSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createNavSlice(...args),
  ...createSyncSlice(...args),
  ...createDataSlice(...args),
}));
