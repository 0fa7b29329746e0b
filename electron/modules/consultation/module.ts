import { defineCoreModule } from '../define.ts';
import { consultationHandlers } from './handlers.ts';
import { consultationSyncParticipant } from './sync-participant.ts';

export const consultationCoreModule = defineCoreModule({ name: 'consultation', handlers: consultationHandlers, syncParticipant: consultationSyncParticipant });
