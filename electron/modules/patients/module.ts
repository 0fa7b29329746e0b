import { defineCoreModule } from '../define.ts';
import { patientsDemo } from './demo.ts';
import { patientHandlers } from './handlers.ts';
import { mergeDuplicatePatients } from './conflict-resolvers.ts';
import { patientSyncParticipant } from './sync-participant.ts';

export const patientsCoreModule = defineCoreModule({ name: 'patients', handlers: patientHandlers, syncParticipant: patientSyncParticipant, conflictResolvers: [mergeDuplicatePatients], demo: patientsDemo });
