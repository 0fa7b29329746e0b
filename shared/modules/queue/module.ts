import { defineSharedModule } from '../define.ts';
import { queueCalls } from './calls.ts';
import { duplicateTokenConflict } from './conflicts.ts';
import { queueSyncTables } from './sync-tables.ts';

export { queueStatusRanks } from './sync-tables.ts';
export const queueModule = defineSharedModule({ name: 'queue', calls: queueCalls, syncTables: queueSyncTables, conflicts: [duplicateTokenConflict] });
