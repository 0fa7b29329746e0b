import { defineCoreModule } from '../define.ts';
import { mergeDuplicatePatients } from './conflict-resolvers.ts';
import { patientSyncParticipant } from './sync-participant.ts';

export const patientsCoreModule = defineCoreModule({ name: 'patients', syncParticipant: patientSyncParticipant, conflictResolvers: [mergeDuplicatePatients] });
