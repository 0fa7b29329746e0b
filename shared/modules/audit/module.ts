import { defineSharedModule } from '../define.ts';
import { auditCalls } from './calls.ts';
import { auditSyncTables } from './sync-tables.ts';

export const auditModule = defineSharedModule({ name: 'audit', calls: auditCalls, syncTables: auditSyncTables, conflicts: [] });
