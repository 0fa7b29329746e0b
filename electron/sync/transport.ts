import type { RangeDigest, TableDigest } from '#shared/sync/digest.ts';
import type { EnrolRequest, EnrolResponse, HubErrorCode, HubIdentity, Lease, PullResponse, PushResponse, SnapshotPage } from '#shared/sync/protocol.ts';
import type { BlobDownload, BlobUploadRequest } from '#shared/sync/blobs.ts';
import type { OutgoingPush } from './outbox.ts';

/** The hub could not be reached or was busy: try again later, nothing is wrong with the change. */
export class HubUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubUnavailable';
  }
}

/** The hub answered and refused: trying again unchanged will not help. */
export class HubRefusal extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'HubRefusal';
  }
}

export type SnapshotStart = { hubId: string; epoch: number; hubTime: number; cursor: string | null; totals: Record<string, number> };

/** How a workstation talks to its hub: over HTTP, or in tests straight to a hub in the same process. */
export type HubTransport = {
  readonly enrol: (request: EnrolRequest) => Promise<EnrolResponse>;
  /** Sends a push; pushRequestText gives its body. */
  readonly push: (credential: string, request: OutgoingPush) => Promise<PushResponse>;
  readonly pull: (credential: string, request: { cursor: string | null; limit: number }) => Promise<PullResponse>;
  readonly startSnapshot: (credential: string) => Promise<SnapshotStart>;
  readonly snapshotPage: (credential: string, request: { table: string; after: string | null; through?: string | null; limit: number }) => Promise<SnapshotPage>;
  readonly tableDigests: (credential: string) => Promise<HubIdentity & { tables: Record<string, TableDigest> }>;
  readonly tableRanges: (credential: string, request: { table: string }) => Promise<{ ranges: RangeDigest[] }>;
  readonly lease: (credential: string, request: { clinicId: string; series: string; size: number }) => Promise<Lease>;
  readonly reportBlocks: (credential: string, blocks: readonly { clinicId: string; series: string; rangeStart: number; rangeEnd: number }[]) => Promise<void>;
  readonly createJoinCode: (credential: string) => Promise<{ code: string; expiresAt: string }>;
  /** Stores a file's bytes at the hub, once the row naming it went up. */
  readonly uploadBlob: (credential: string, request: BlobUploadRequest) => Promise<void>;
  readonly downloadBlob: (credential: string, request: { hash: string }) => Promise<BlobDownload>;
  /** Live pokes when the clinic changes; returns a stop function. */
  readonly subscribe: (credential: string, onPoke: () => void, onConnected: (connected: boolean) => void) => () => void;
};
