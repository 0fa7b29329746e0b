import { defineSharedModule } from '../define.ts';
import { userCalls } from './calls.ts';
import { userSubject, userSyncTables } from './sync-tables.ts';

export const usersModule = defineSharedModule({ name: 'users', calls: userCalls, subjects: [userSubject], syncTables: userSyncTables, conflicts: [] });
