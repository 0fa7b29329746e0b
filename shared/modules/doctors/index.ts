import { defineSharedModule } from '../define.ts';
import { doctorSyncTables } from './sync-tables.ts';

export const doctorsModule = defineSharedModule({ name: 'doctors', syncTables: doctorSyncTables, conflicts: [] });
