import { defineSharedModule } from '../define.ts';
import { duplicateTokenConflict } from './conflicts.ts';
import { queueSyncTables } from './sync-tables.ts';

export { queueStatusRanks } from './sync-tables.ts';
export const queueModule = defineSharedModule({ name: 'queue', syncTables: queueSyncTables, conflicts: [duplicateTokenConflict] });
