import { defineCoreModule } from '../define.ts';
import { renumberDuplicateToken } from './conflict-resolvers.ts';
import { queueSyncParticipant } from './sync-participant.ts';

export const queueCoreModule = defineCoreModule({ name: 'queue', syncParticipant: queueSyncParticipant, conflictResolvers: [renumberDuplicateToken] });
