import { and, asc, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { documentUploads, patientDocuments } from '../../db/schema/index.ts';
import { createLogger, describeError } from '../../platform/logger.ts';
import type { CycleContext } from '../../sync/participants.ts';
import { HubUnavailable } from '../../sync/transport.ts';
import { hasBlob, readBlob, writeBlob } from './blob-store.ts';
import { prefetchLimitBytes } from './prefetch-setting.ts';

const log = createLogger('documents');

/** Files sent or fetched in one cycle at most: a cycle also carries the clinic's other changes. */
const FILES_PER_CYCLE = 10;
/** Documents looked at for fetching ahead in one cycle, newest first. */
const PREFETCH_CANDIDATES = 200;

/** Uploads the files this workstation attached, oldest first; those the hub refuses wait for the next cycle. */
async function uploadWaiting(context: CycleContext): Promise<void> {
  const { db, dataDir, blobs } = context;
  const waiting = db.select().from(documentUploads).orderBy(asc(documentUploads.attempts), asc(documentUploads.queuedAt)).limit(FILES_PER_CYCLE).all();
  for (const upload of waiting) {
    const bytes = readBlob(dataDir, upload.contentHash);
    if (bytes === null) {
      // The file is gone or damaged here; nothing can be sent. Another workstation may hold it.
      log.warn('document file missing, not uploaded', { hash: upload.contentHash.slice(0, 12) });
      db.delete(documentUploads).where(eq(documentUploads.contentHash, upload.contentHash)).run();
      continue;
    }
    try {
      await blobs.upload(upload.contentHash, bytes);
      db.delete(documentUploads).where(eq(documentUploads.contentHash, upload.contentHash)).run();
    } catch (error) {
      if (error instanceof HubUnavailable) return;
      db.update(documentUploads)
        .set({ attempts: sql`${documentUploads.attempts} + 1`, lastError: error instanceof Error ? error.message : 'refused' })
        .where(eq(documentUploads.contentHash, upload.contentHash))
        .run();
    }
  }
}

function prefetchCandidates(db: Db, limitBytes: number): string[] {
  return db
    .selectDistinct({ hash: patientDocuments.contentHash })
    .from(patientDocuments)
    .where(and(isNull(patientDocuments.deletedAt), lte(patientDocuments.sizeBytes, limitBytes)))
    .orderBy(desc(patientDocuments.uploadedAt))
    .limit(PREFETCH_CANDIDATES)
    .all()
    .map((row) => row.hash);
}

/** Fetches ahead the files small enough by the workstation's setting; larger ones wait until someone opens them. */
async function prefetchSmall(context: CycleContext): Promise<void> {
  const { sqlite, db, dataDir, blobs } = context;
  const limitBytes = prefetchLimitBytes(sqlite);
  if (limitBytes <= 0) return;
  const missing = prefetchCandidates(db, limitBytes).filter((hash) => !hasBlob(dataDir, hash)).slice(0, FILES_PER_CYCLE);
  for (const hash of missing) {
    try {
      writeBlob(dataDir, await blobs.download(hash));
    } catch (error) {
      if (error instanceof HubUnavailable) return;
      // Not at the hub yet (its workstation has not synced), or refused: opening it says why.
    }
  }
}

/** The documents module's step at the end of each sync cycle. */
export async function syncDocumentFiles(context: CycleContext): Promise<void> {
  try {
    await uploadWaiting(context);
    await prefetchSmall(context);
  } catch (error) {
    log.error('document files did not sync', describeError(error));
  }
}
