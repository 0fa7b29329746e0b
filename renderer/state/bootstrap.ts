import { sessionChangingCalls, type ServerEvent } from '#shared/api/events.ts';
import { api } from '../api/api.ts';
import { startIdleLock } from './idle-lock.ts';
import { parseHash } from './routes.ts';
import { selectPhase } from './session-slice.ts';
import { useAppStore } from './store.ts';

function onServerEvent(event: ServerEvent): void {
  const state = useAppStore.getState();
  switch (event.type) {
    case 'data.changed':
      state.bumpDataVersion();
      if (sessionChangingCalls.has(event.call)) void refreshSession();
      return;
    case 'sync.status':
      state.applySyncStatus(event.status);
      return;
    case 'session.ended':
      api.transport.rememberToken(null);
      state.endSession('An administrator changed your account; please sign in again.');
      return;
    case 'board.changed':
      // Sent only on a waiting-room screen's stream, never to a session.
      return;
  }
}

/** The badge's first figures; afterwards the core's sync.status events keep them current. */
async function loadSyncStatus(): Promise<void> {
  try {
    useAppStore.getState().applySyncStatus(await api.call('sync.status', {}));
  } catch {
    // Locked or signed out meanwhile: the badge waits for the next session.
  }
}

async function refreshSession(): Promise<void> {
  try {
    useAppStore.getState().applySession(await api.call('auth.session', {}));
  } catch {
    // The error observer has already moved the screen to sign-in or the lock.
  }
}

/** Events from outside React reach the store here and nowhere else. */
export async function bootstrap(): Promise<void> {
  window.addEventListener('hashchange', () => useAppStore.setState({ route: parseHash(window.location.hash) }));

  let stopEvents: (() => void) | null = null;
  let signedInUser: string | null = null;
  let syncFor: string | null = null;
  useAppStore.subscribe((state) => {
    // Sync status is asked for once per signed-in clinic; events carry it from then on.
    const active = state.session?.activeClinic ?? null;
    const clinicKey = selectPhase(state) !== 'ready' || active === null ? null : `${state.session?.user.id ?? ''}:${active.clinicId}`;
    if (clinicKey !== syncFor) {
      syncFor = clinicKey;
      if (clinicKey === null) state.applySyncStatus(null);
      else void loadSyncStatus();
    }
    const userId = state.session?.user.id ?? null;
    if (userId === signedInUser) return;
    signedInUser = userId;
    stopEvents?.();
    stopEvents = userId === null ? null : api.transport.listen(onServerEvent);
  });
  startIdleLock();

  try {
    const status = await api.call('system.status', {});
    if (!status.needsSetup && api.transport.mayBeSignedIn()) {
      try {
        useAppStore.getState().applySession(await api.call('auth.session', {}));
      } catch {
        // No session yet: the sign-in screen shows.
      }
    }
    useAppStore.getState().applyStatus(status);
  } catch (error) {
    useAppStore.setState({ started: true, signInNotice: error instanceof Error ? error.message : 'The app could not start.' });
  }
}
