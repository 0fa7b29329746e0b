import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '#shared/api/bridge.ts';
import { isCallName, sessionIssuingCalls } from '#shared/api/contract.ts';
import type { CallOutcome } from '#shared/api/errors.ts';
import type { Core } from './core.ts';

type Window = { token: string | null; stopEvents: (() => void) | null };

function withoutToken(call: unknown, outcome: CallOutcome<unknown>): { outcome: CallOutcome<unknown>; token: string | null } {
  const issuesSession = typeof call === 'string' && isCallName(call) && sessionIssuingCalls.includes(call);
  if (!issuesSession || !outcome.ok || typeof outcome.result !== 'object' || outcome.result === null || !('token' in outcome.result)) {
    return { outcome, token: null };
  }
  const { token, ...rest } = outcome.result;
  return { outcome: { ok: true, result: rest }, token: typeof token === 'string' ? token : null };
}

/**
 * The Electron transport. The session token stays here in the main process, one per window,
 * so nothing in the renderer can read or leak it.
 */
export function registerIpc(core: Core, isTrustedFrame: (frame: WebFrameMain | null) => boolean): void {
  const windows = new Map<number, Window>();

  const stateOf = (sender: WebContents): Window => {
    let state = windows.get(sender.id);
    if (state === undefined) {
      state = { token: null, stopEvents: null };
      windows.set(sender.id, state);
      sender.once('destroyed', () => {
        windows.get(sender.id)?.stopEvents?.();
        windows.delete(sender.id);
      });
    }
    return state;
  };

  const setToken = (sender: WebContents, state: Window, token: string | null): void => {
    state.stopEvents?.();
    state.token = token;
    state.stopEvents = token === null ? null : core.subscribe(token, (event) => sender.send(EVENT_CHANNEL, event));
  };

  ipcMain.handle(INVOKE_CHANNEL, async (event, call: unknown, input: unknown): Promise<CallOutcome<unknown>> => {
    if (!isTrustedFrame(event.senderFrame)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the app’s own pages.' } };
    }
    const state = stateOf(event.sender);
    const raw = await core.dispatch({ call: typeof call === 'string' ? call : '', input, token: state.token });
    const { outcome, token } = withoutToken(call, raw);
    if (token !== null) setToken(event.sender, state, token);
    const ended =
      (call === 'auth.signOut' && raw.ok) ||
      (!raw.ok && raw.error.code === 'UNAUTHENTICATED' && raw.error.reason !== 'SESSION_LOCKED' && state.token !== null && call !== 'auth.signIn');
    if (ended) setToken(event.sender, state, null);
    return outcome;
  });
}
