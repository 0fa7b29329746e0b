import { defineCoreModule } from '../define.ts';
import { queueDemo } from './demo.ts';
import { queueHandlers } from './handlers.ts';
import { renumberDuplicateToken } from './conflict-resolvers.ts';
import { queueSyncParticipant } from './sync-participant.ts';

export const queueCoreModule = defineCoreModule({ name: 'queue', handlers: queueHandlers, syncParticipant: queueSyncParticipant, conflictResolvers: [renumberDuplicateToken], demo: queueDemo });
