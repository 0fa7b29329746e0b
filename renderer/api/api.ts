import { useAppStore } from '../state/store.ts';
import { createApiClient } from './client.ts';
import { electronTransport, findBridge } from './electron-transport.ts';
import { webTransport } from './web-transport.ts';

const bridge = findBridge();

/** The one API client of the renderer: Electron's bridge when present, else the web host. */
export const api = createApiClient(bridge === null ? webTransport() : electronTransport(bridge), (error) => {
  if (error.code !== 'UNAUTHENTICATED') return;
  const state = useAppStore.getState();
  if (state.session === null) return;
  if (error.reason === 'SESSION_LOCKED') {
    state.setLocked(true);
    return;
  }
  api.transport.rememberToken(null);
  state.endSession(error.message);
});
