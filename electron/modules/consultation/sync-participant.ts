import type { SyncParticipant } from '../../sync/participants.ts';
import { divergedDraftsDetector, divergedDraftsRow } from './draft-conflicts.ts';
import { renumberEncounter } from './renumber.ts';

export const consultationSyncParticipant: SyncParticipant = {
  name: 'consultation',
  referenceRenamers: [renumberEncounter],
  conflictDetectors: [divergedDraftsDetector],
  conflictRows: { NOTE_DRAFTS_DIVERGED: divergedDraftsRow },
};
