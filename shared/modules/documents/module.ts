import { defineSharedModule } from '../define.ts';
import { documentsCalls } from './calls.ts';
import { documentsSyncTables } from './sync-tables.ts';

export const documentsModule = defineSharedModule({ name: 'documents', calls: documentsCalls, syncTables: documentsSyncTables, conflicts: [] });
