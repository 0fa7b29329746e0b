import { HubUnavailable, type HubTransport } from '#core/sync/transport.ts';

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
 * A workstation's link to its hub through a network that can partition, drop a request, lose
 * the answer after the hub committed, send a request twice or hold it back, whatever carries
 * the requests underneath (a hub in this process, or real HTTP).
 */
export function withNetworkFaults(base: HubTransport, deviceKey: string, network: Network): HubTransport {
  const call = async <T>(operation: string, work: () => Promise<T>): Promise<T> => {
    if (!network.reachable(deviceKey)) throw new HubUnavailable('The hub cannot be reached (partition).');
    const fault = network.fault(deviceKey, operation);
    if (fault === 'dropRequest') throw new HubUnavailable('The request was lost on the way.');
    if (fault === 'delay' && network.hold !== undefined) {
      network.hold(work);
      throw new HubUnavailable('The request is held up on the way; it arrives later, after newer ones.');
    }
    if (fault === 'duplicate') await work().catch(() => undefined);
    const result = await work();
    if (fault === 'dropResponse') throw new HubUnavailable('The answer was lost on the way back.');
    if (fault === 'crashAfterCommit' && network.crash !== undefined) {
      network.crash(deviceKey);
      throw new HubUnavailable('The workstation stopped before it read the answer.');
    }
    return result;
  };
  return {
    enrol: (request) => call('enrol', () => base.enrol(request)),
    push: (credential, request) => call('push', () => base.push(credential, request)),
    pull: (credential, request) => call('pull', () => base.pull(credential, request)),
    startSnapshot: (credential) => call('snapshot', () => base.startSnapshot(credential)),
    snapshotPage: (credential, request) => call('snapshotPage', () => base.snapshotPage(credential, request)),
    tableDigests: (credential) => call('digest', () => base.tableDigests(credential)),
    tableRanges: (credential, request) => call('digestRanges', () => base.tableRanges(credential, request)),
    lease: (credential, request) => call('lease', () => base.lease(credential, request)),
    reportBlocks: (credential, blocks) => call('blocks', () => base.reportBlocks(credential, blocks)),
    createJoinCode: (credential) => call('joinCode', () => base.createJoinCode(credential)),
    uploadBlob: (credential, request) => call('uploadBlob', () => base.uploadBlob(credential, request)),
    downloadBlob: (credential, request) => call('downloadBlob', () => base.downloadBlob(credential, request)),
    // Live pokes would sync at moments no seed chose; the tests sync when they decide.
    subscribe: () => () => undefined,
  };
}
