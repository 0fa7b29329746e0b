import { defineSharedModule } from '../define.ts';
import { proceduresCalls } from './calls.ts';
import { proceduresSyncTables } from './sync-tables.ts';

export const proceduresModule = defineSharedModule({ name: 'procedures', calls: proceduresCalls, syncTables: proceduresSyncTables, conflicts: [] });
