import type { SyncParticipant } from '../../sync/participants.ts';
import { renumberPrescription } from './renumber.ts';

export const prescriptionsSyncParticipant: SyncParticipant = {
  name: 'prescriptions',
  referenceRenamers: [renumberPrescription],
};
