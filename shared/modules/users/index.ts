import { defineSharedModule } from '../define.ts';
import { userSyncTables } from './sync-tables.ts';

export const usersModule = defineSharedModule({ name: 'users', syncTables: userSyncTables, conflicts: [] });
