import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

/** Bumped when the core says data changed, so screens showing it reload. */
export type DataSlice = {
  readonly dataVersion: number;
  readonly bumpDataVersion: () => void;
};

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  dataVersion: 0,
  bumpDataVersion: () => set((state) => ({ dataVersion: state.dataVersion + 1 })),
});
