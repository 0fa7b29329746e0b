import { defineCoreModule } from '../define.ts';
import { documentsHandlers } from './handlers.ts';
import { documentsSyncParticipant } from './sync-participant.ts';

export const documentsCoreModule = defineCoreModule({ name: 'documents', handlers: documentsHandlers, syncParticipant: documentsSyncParticipant });
