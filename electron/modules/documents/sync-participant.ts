import type { SyncParticipant } from '../../sync/participants.ts';
import { syncDocumentFiles } from './blob-sync.ts';

/** The rows sync as any other; the files follow at the end of each cycle. */
export const documentsSyncParticipant: SyncParticipant = {
  name: 'documents',
  afterCycle: syncDocumentFiles,
};
