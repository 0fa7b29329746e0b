import { defineSharedModule } from '../define.ts';
import { userCalls } from './calls.ts';
import { userSyncTables } from './sync-tables.ts';

export const usersModule = defineSharedModule({ name: 'users', calls: userCalls, syncTables: userSyncTables, conflicts: [] });
