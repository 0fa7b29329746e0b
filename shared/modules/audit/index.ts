import { defineSharedModule } from '../define.ts';
import { auditSyncTables } from './sync-tables.ts';

export const auditModule = defineSharedModule({ name: 'audit', syncTables: auditSyncTables, conflicts: [] });
