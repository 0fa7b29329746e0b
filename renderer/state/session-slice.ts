import type { StateCreator } from 'zustand';
import type { SessionView } from '#shared/api/calls/session.ts';
import { setClinicLocale } from '../format/time.ts';
import { leaveRecord, routeHash } from './routes.ts';
import type { AppState } from './store.ts';

/** A joining workstation loading its clinic from the hub: rows done of rows to load. */
export type JoinProgress = { readonly state: string; readonly done: number; readonly total: number; readonly error: string | null };

export type SessionSlice = {
  /** False until the first status call answered. */
  readonly started: boolean;
  readonly needsSetup: boolean;
  /** Set while this workstation joins a clinic; nobody can sign in until it is loaded. */
  readonly joining: JoinProgress | null;
  readonly deviceName: string;
  readonly appVersion: string;
  readonly session: SessionView | null;
  /** A sentence for the sign-in screen, e.g. why the session ended. */
  readonly signInNotice: string | null;
  readonly applyStatus: (status: { needsSetup: boolean; joining: JoinProgress | null; deviceName: string; appVersion: string }) => void;
  readonly applySession: (session: SessionView) => void;
  readonly setLocked: (locked: boolean) => void;
  readonly endSession: (notice: string | null) => void;
};

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => ({
  started: false,
  needsSetup: false,
  joining: null,
  deviceName: '',
  appVersion: '',
  session: null,
  signInNotice: null,
  applyStatus: (status) =>
    set((state) => {
      // The moment a joining workstation finishes loading, sign-in says so, with how much came down.
      const joined = state.joining !== null && status.joining === null && !status.needsSetup ? state.joining : null;
      const notice = joined !== null ? `This workstation has joined the clinic: all ${String(joined.total)} rows loaded. Staff can sign in here, even offline.` : state.signInNotice;
      return { started: true, ...status, signInNotice: notice };
    }),
  applySession: (session) => {
    // Every date and time on screen is written in the open clinic's locale (renderer/format/time.ts).
    setClinicLocale(session.activeClinic?.locale ?? 'en');
    // Another clinic's record must not stay on screen after a switch: leave any record page for
    // its section, and have every screen load again for the new clinic.
    const state = get();
    const before = state.session?.activeClinic?.clinicId ?? null;
    const after = session.activeClinic?.clinicId ?? null;
    if (before === null || after === null || before === after) {
      set({ session, needsSetup: false, signInNotice: null });
      return;
    }
    const route = leaveRecord(state.route);
    if (route !== state.route) window.history.pushState(null, '', routeHash(route));
    set({ session, needsSetup: false, signInNotice: null, route, dataVersion: state.dataVersion + 1 });
  },
  setLocked: (locked) => set((state) => (state.session === null ? {} : { session: { ...state.session, locked } })),
  endSession: (notice) => set({ session: null, signInNotice: notice }),
});

export type Phase = 'starting' | 'setup' | 'joining' | 'signIn' | 'changePassword' | 'pickClinic' | 'ready';

/** Which screen the app shows, derived from what the core last said. */
export function selectPhase(state: AppState): Phase {
  if (!state.started) return 'starting';
  if (state.session === null) return state.joining !== null ? 'joining' : state.needsSetup ? 'setup' : 'signIn';
  if (state.session.user.mustChangePassword) return 'changePassword';
  if (state.session.activeClinic === null) return 'pickClinic';
  return 'ready';
}
