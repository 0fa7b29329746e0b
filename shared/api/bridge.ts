import type { CallOutcome } from './errors.ts';
import type { ServerEvent } from './events.ts';

/** The one global the Electron preload exposes; the renderer sees only this type of it. */
export type ClinicBridge = {
  readonly invoke: (call: string, input: unknown) => Promise<CallOutcome<unknown>>;
  readonly onEvent: (listener: (event: ServerEvent) => void) => () => void;
};

export const BRIDGE_GLOBAL = 'clinicBridge';
export const INVOKE_CHANNEL = 'clinic:invoke';
export const EVENT_CHANNEL = 'clinic:event';
