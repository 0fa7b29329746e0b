import { conflictError } from '#shared/api/errors.ts';
import type { HubBlobs } from '../../sync/hub-blobs.ts';
import { HubRefusal, HubUnavailable } from '../../sync/transport.ts';
import { readBlob, writeBlob } from './blob-store.ts';

/** The bytes of a file, and whether they had to come from the hub. */
export type FetchedFile = { readonly bytes: Buffer; readonly fetched: boolean };

/**
 * A document's bytes: from this workstation's store, else from the hub, checked against the hash
 * (by hubBlobsOf) and kept here, so the next opening needs no network.
 */
export async function fileOf(dataDir: string, hash: string, blobs: HubBlobs | null): Promise<FetchedFile> {
  const here = readBlob(dataDir, hash);
  if (here !== null) return { bytes: here, fetched: false };
  if (blobs === null) throw conflictError('This document’s file is not on this workstation, and the workstation is not linked to a hub to fetch it from.');
  let bytes: Buffer;
  try {
    bytes = await blobs.download(hash);
  } catch (error) {
    if (error instanceof HubUnavailable) throw conflictError('This document’s file is not on this workstation yet, and the hub cannot be reached. Open it again when the network is back.');
    if (error instanceof HubRefusal && error.status === 404) throw conflictError('This document’s file has not reached the hub yet from the workstation it was attached on; it can be opened once that workstation has synced.');
    if (error instanceof HubRefusal) throw conflictError(error.message);
    throw error;
  }
  writeBlob(dataDir, bytes);
  return { bytes, fetched: true };
}
