import { defineCoreModule } from '../define.ts';
import { settleOversoldBatch } from './conflict-resolvers.ts';
import { stockDemo } from './demo.ts';
import { stockHandlers } from './handlers.ts';
import { stockSyncParticipant } from './sync-participant.ts';

export const stockCoreModule = defineCoreModule({ name: 'stock', handlers: stockHandlers, syncParticipant: stockSyncParticipant, conflictResolvers: [settleOversoldBatch], demo: stockDemo });
