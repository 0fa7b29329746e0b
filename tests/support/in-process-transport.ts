import type { HubService } from '#hub/hub-service.ts';
import { HubError } from '#hub/sync/hub-errors.ts';
import { HubRefusal, HubUnavailable, type HubTransport } from '#core/sync/transport.ts';
import { pushRequestText } from '#core/sync/outbox.ts';
import { pushRequestSchema } from '#shared/sync/protocol.ts';

/** What the network does to one request; the simulation decides, seeded. */
export type Fault = 'deliver' | 'dropRequest' | 'dropResponse' | 'duplicate' | 'delay' | 'crashAfterCommit';

export type Network = {
  /** Whether a device can reach the hub at all (a partition when false). */
  readonly reachable: (deviceKey: string) => boolean;
  readonly fault: (deviceKey: string, operation: string) => Fault;
  /** Keeps a request to deliver later, after newer ones (a 'delay'). */
  readonly hold?: (deliver: () => Promise<unknown>) => void;
  /** The device stops right after the hub committed its request, before it reads the answer. */
  readonly crash?: (deviceKey: string) => void;
};

export const perfectNetwork: Network = { reachable: () => true, fault: () => 'deliver' };

/**
 * A workstation's link to a hub in the same process: the same calls the HTTP transport makes,
 * through a network that can drop a request, lose the answer after the hub committed, or send
 * a request twice.
 */
export function inProcessTransport(hub: () => HubService, deviceKey: string, network: Network = perfectNetwork): HubTransport {
  const call = async <T>(operation: string, work: () => Promise<T>): Promise<T> => {
    if (!network.reachable(deviceKey)) throw new HubUnavailable('The hub cannot be reached (partition).');
    const fault = network.fault(deviceKey, operation);
    if (fault === 'dropRequest') throw new HubUnavailable('The request was lost on the way.');
    if (fault === 'delay' && network.hold !== undefined) {
      network.hold(work);
      throw new HubUnavailable('The request is held up on the way; it arrives later, after newer ones.');
    }
    try {
      if (fault === 'duplicate') await work().catch(() => undefined);
      const result = await work();
      if (fault === 'dropResponse') throw new HubUnavailable('The answer was lost on the way back.');
      if (fault === 'crashAfterCommit' && network.crash !== undefined) {
        network.crash(deviceKey);
        throw new HubUnavailable('The workstation stopped before it read the answer.');
      }
      return structuredClone(result);
    } catch (error) {
      if (error instanceof HubError) {
        if (error.status >= 500 || error.status === 429) throw new HubUnavailable(error.message);
        throw new HubRefusal(error.code, error.message, error.status);
      }
      throw error;
    }
  };
  return {
    enrol: (request) => call('enrol', () => hub().enrol(request)),
    push: (credential, request) =>
      call('push', async () => {
        // The body the HTTP transport sends, read as the hub's server reads it.
        const { clinicsChanged: _changed, ...response } = await hub().push(credential, pushRequestSchema.parse(JSON.parse(pushRequestText(request))));
        return response;
      }),
    pull: (credential, request) => call('pull', () => hub().pull(credential, request)),
    startSnapshot: (credential) => call('snapshot', () => hub().startSnapshot(credential)),
    snapshotPage: (credential, request) => call('snapshotPage', () => hub().snapshotPage(credential, request)),
    tableDigests: (credential) => call('digest', () => hub().tableDigests(credential)),
    tableRanges: (credential, request) => call('digestRanges', () => hub().tableRanges(credential, request)),
    lease: (credential, request) => call('lease', () => hub().lease(credential, request)),
    reportBlocks: (credential, blocks) => call('blocks', () => hub().reportBlocks(credential, blocks)),
    createJoinCode: (credential) => call('joinCode', () => hub().createJoinCode(credential)),
    subscribe: () => () => undefined,
  };
}
