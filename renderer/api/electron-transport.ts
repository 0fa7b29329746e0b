import { BRIDGE_GLOBAL, type ClinicBridge } from '#shared/api/bridge.ts';
import type { Transport } from './transport.ts';

export function findBridge(): ClinicBridge | null {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return typeof candidate === 'object' && candidate !== null ? (candidate as ClinicBridge) : null;
}

export function electronTransport(bridge: ClinicBridge): Transport {
  return {
    kind: 'electron',
    invoke: (call, input) => bridge.invoke(call, input),
    listen: (listener) => bridge.onEvent(listener),
    rememberToken: () => undefined,
    mayBeSignedIn: () => true,
  };
}
