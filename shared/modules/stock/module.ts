import { defineSharedModule } from '../define.ts';
import { stockCalls } from './calls.ts';
import { stockOversoldConflict } from './conflicts.ts';
import { stockSyncTables } from './sync-tables.ts';

export const stockModule = defineSharedModule({ name: 'stock', calls: stockCalls, syncTables: stockSyncTables, conflicts: [stockOversoldConflict] });
