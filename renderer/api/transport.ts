import type { CallOutcome } from '#shared/api/errors.ts';
import type { ServerEvent } from '#shared/api/events.ts';

/** How calls reach the core: Electron's bridge or the web host's HTTP API. */
export type Transport = {
  readonly kind: 'electron' | 'web';
  readonly invoke: (call: string, input: unknown) => Promise<CallOutcome<unknown>>;
  /** Starts listening for the signed-in session's events; returns a stop function. */
  readonly listen: (listener: (event: ServerEvent) => void) => () => void;
  /** The web transport carries the session token; Electron's main process keeps it. */
  readonly rememberToken: (token: string | null) => void;
  /** Whether a session may already exist (a reload), so start-up asks for it only then. */
  readonly mayBeSignedIn: () => boolean;
};
