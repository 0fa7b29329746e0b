import type { StateCreator } from 'zustand';
import type { SessionView } from '#shared/api/calls/session.ts';
import type { AppState } from './store.ts';

export type SessionSlice = {
  /** False until the first status call answered. */
  readonly started: boolean;
  readonly needsSetup: boolean;
  readonly deviceName: string;
  readonly appVersion: string;
  readonly session: SessionView | null;
  /** A sentence for the sign-in screen, e.g. why the session ended. */
  readonly signInNotice: string | null;
  readonly applyStatus: (status: { needsSetup: boolean; deviceName: string; appVersion: string }) => void;
  readonly applySession: (session: SessionView) => void;
  readonly setLocked: (locked: boolean) => void;
  readonly endSession: (notice: string | null) => void;
};

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  started: false,
  needsSetup: false,
  deviceName: '',
  appVersion: '',
  session: null,
  signInNotice: null,
  applyStatus: (status) => set({ started: true, ...status }),
  applySession: (session) => set({ session, needsSetup: false, signInNotice: null }),
  setLocked: (locked) => set((state) => (state.session === null ? {} : { session: { ...state.session, locked } })),
  endSession: (notice) => set({ session: null, signInNotice: notice }),
});

export type Phase = 'starting' | 'setup' | 'signIn' | 'changePassword' | 'pickClinic' | 'ready';

/** Which screen the app shows, derived from what the core last said. */
export function selectPhase(state: AppState): Phase {
  if (!state.started) return 'starting';
  if (state.session === null) return state.needsSetup ? 'setup' : 'signIn';
  if (state.session.user.mustChangePassword) return 'changePassword';
  if (state.session.activeClinic === null) return 'pickClinic';
  return 'ready';
}
