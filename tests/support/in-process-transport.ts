import type { HubService } from '#hub/hub-service.ts';
import { HubError } from '#hub/sync/hub-errors.ts';
import { HubRefusal, HubUnavailable, type HubTransport } from '#core/sync/transport.ts';
import { pushRequestText } from '#core/sync/outbox.ts';
import { pushRequestSchema } from '#shared/sync/protocol.ts';
import { perfectNetwork, withNetworkFaults, type Network } from './network-faults.ts';

export { perfectNetwork, type Fault, type Network } from './network-faults.ts';

/** The hub's answer as the workstation reads it over HTTP: a copy, and refusals sorted by status. */
async function asOverTheWire<T>(work: () => Promise<T>): Promise<T> {
  try {
    return structuredClone(await work());
  } catch (error) {
    if (error instanceof HubError) {
      if (error.status >= 500 || error.status === 429) throw new HubUnavailable(error.message);
      throw new HubRefusal(error.code, error.message, error.status);
    }
    throw error;
  }
}

/**
 * A workstation's link to a hub in the same process: the same calls the HTTP transport makes,
 * through a network that can drop a request, lose the answer after the hub committed, or send
 * a request twice.
 */
export function inProcessTransport(hub: () => HubService, deviceKey: string, network: Network = perfectNetwork): HubTransport {
  const direct: HubTransport = {
    enrol: (request) => asOverTheWire(() => hub().enrol(request)),
    push: (credential, request) =>
      asOverTheWire(async () => {
        // The body the HTTP transport sends, read as the hub's server reads it.
        const { clinicsChanged: _changed, ...response } = await hub().push(credential, pushRequestSchema.parse(JSON.parse(pushRequestText(request))));
        return response;
      }),
    pull: (credential, request) => asOverTheWire(() => hub().pull(credential, request)),
    startSnapshot: (credential) => asOverTheWire(() => hub().startSnapshot(credential)),
    snapshotPage: (credential, request) => asOverTheWire(() => hub().snapshotPage(credential, request)),
    tableDigests: (credential) => asOverTheWire(() => hub().tableDigests(credential)),
    tableRanges: (credential, request) => asOverTheWire(() => hub().tableRanges(credential, request)),
    lease: (credential, request) => asOverTheWire(() => hub().lease(credential, request)),
    reportBlocks: (credential, blocks) => asOverTheWire(() => hub().reportBlocks(credential, blocks)),
    createJoinCode: (credential) => asOverTheWire(() => hub().createJoinCode(credential)),
    uploadBlob: (credential, request) =>
      asOverTheWire(async () => {
        await hub().uploadBlob(credential, request);
      }),
    downloadBlob: (credential, request) => asOverTheWire(() => hub().downloadBlob(credential, request)),
    subscribe: () => () => undefined,
  };
  return withNetworkFaults(direct, deviceKey, network);
}
