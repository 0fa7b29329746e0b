import { defineSharedModule } from '../define.ts';
import { salesCalls } from './calls.ts';
import { salesSyncTables } from './sync-tables.ts';

export const salesModule = defineSharedModule({ name: 'sales', calls: salesCalls, syncTables: salesSyncTables, conflicts: [] });
