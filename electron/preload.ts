import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, EVENT_CHANNEL, INVOKE_CHANNEL, type ClinicBridge } from '#shared/api/bridge.ts';
import type { CallOutcome } from '#shared/api/errors.ts';
import type { ServerEvent } from '#shared/api/events.ts';

// The renderer gets one frozen object with two functions and no other way into the main process.
const bridge: ClinicBridge = Object.freeze({
  invoke: (call: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, call, input) as Promise<CallOutcome<unknown>>,
  onEvent: (listener: (event: ServerEvent) => void) => {
    const forward = (_event: IpcRendererEvent, payload: ServerEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
});

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
