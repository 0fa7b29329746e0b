import { defineSharedModule } from '../define.ts';
import { dispensingCalls } from './calls.ts';
import { dispensingSyncTables } from './sync-tables.ts';

export const dispensingModule = defineSharedModule({ name: 'dispensing', calls: dispensingCalls, syncTables: dispensingSyncTables, conflicts: [] });
