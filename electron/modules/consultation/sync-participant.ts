import type { SyncParticipant } from '../../sync/participants.ts';
import { renumberEncounter } from './renumber.ts';

export const consultationSyncParticipant: SyncParticipant = {
  name: 'consultation',
  referenceRenamers: [renumberEncounter],
};
