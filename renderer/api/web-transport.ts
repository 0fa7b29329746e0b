import { apiErrorBodySchema, type CallOutcome } from '#shared/api/errors.ts';
import type { Transport } from './transport.ts';
import { readEventStream } from './sse-reader.ts';

const TOKEN_KEY = 'clinic-desk.session';
const RECONNECT_MS = 2000;

function networkError(): CallOutcome<never> {
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'This screen cannot reach the Clinic Desk service on this computer. Is it still running?' },
  };
}

/**
 * The token lives in this tab's sessionStorage: it survives a reload, is never a cookie, and no
 * other origin can read it.
 */
export function webTransport(): Transport {
  let token: string | null = sessionStorage.getItem(TOKEN_KEY);
  const headers = (): Record<string, string> => (token === null ? {} : { authorization: `Bearer ${token}` });

  return {
    kind: 'web',
    mayBeSignedIn: () => token !== null,
    rememberToken: (next) => {
      token = next;
      if (next === null) sessionStorage.removeItem(TOKEN_KEY);
      else sessionStorage.setItem(TOKEN_KEY, next);
    },
    invoke: async (call, input) => {
      let response: Response;
      try {
        response = await fetch(`api/call/${encodeURIComponent(call)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers() },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return networkError();
      }
      const body: unknown = await response.json().catch(() => null);
      if (typeof body === 'object' && body !== null && 'ok' in body) {
        const outcome = body as { ok: unknown; result?: unknown; error?: unknown };
        if (outcome.ok === true) return { ok: true, result: outcome.result };
        const error = apiErrorBodySchema.safeParse(outcome.error);
        if (error.success) return { ok: false, error: error.data };
      }
      return networkError();
    },
    listen: (listener) => {
      const controller = new AbortController();
      const stopped = (): boolean => controller.signal.aborted;
      const connect = async (): Promise<void> => {
        while (!stopped()) {
          try {
            const response = await fetch('api/events', { headers: headers(), signal: controller.signal });
            if (response.status === 401) return;
            await readEventStream(response, listener);
          } catch {
            // The host restarted or the network blinked: try again shortly.
          }
          if (stopped()) return;
          await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
        }
      };
      void connect();
      return () => controller.abort();
    },
  };
}
