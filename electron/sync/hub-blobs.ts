import { createHash } from 'node:crypto';
import type { HubTransport } from './transport.ts';
import { HubRefusal } from './transport.ts';

/** Content-addressed files at the hub (SYNC.md §8), for the modules whose rows name them. */
export type HubBlobs = {
  readonly upload: (hash: string, bytes: Buffer) => Promise<void>;
  /** The bytes, checked against their hash: bytes that do not match are refused, never returned. */
  readonly download: (hash: string) => Promise<Buffer>;
};

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The hub's blobs through a transport and this workstation's credential. */
export function hubBlobsOf(transport: HubTransport, credential: string): HubBlobs {
  return {
    upload: (hash, bytes) => transport.uploadBlob(credential, { hash, contentBase64: bytes.toString('base64') }),
    download: async (hash) => {
      const answer = await transport.downloadBlob(credential, { hash });
      const bytes = Buffer.from(answer.contentBase64, 'base64');
      // The hub, or anything between, may hand back other bytes: a file is only ever its hash's.
      if (answer.hash !== hash || sha256Hex(bytes) !== hash) throw new HubRefusal('BAD_REQUEST', 'The file the hub sent does not match its fingerprint (SHA-256); it was not kept. Ask the hub’s operator to check it.', 200);
      return bytes;
    },
  };
}
