import { defineSharedModule } from '../define.ts';
import { doctorCalls } from './calls.ts';
import { doctorSyncTables } from './sync-tables.ts';

export const doctorsModule = defineSharedModule({ name: 'doctors', calls: doctorCalls, syncTables: doctorSyncTables, conflicts: [] });
