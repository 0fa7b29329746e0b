import { defineCoreModule } from '../define.ts';
import { salesHandlers } from './handlers.ts';
import { salesSyncParticipant } from './sync-participant.ts';

export const salesCoreModule = defineCoreModule({ name: 'sales', handlers: salesHandlers, syncParticipant: salesSyncParticipant });
