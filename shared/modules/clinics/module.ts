import { defineSharedModule } from '../define.ts';
import { clinicCalls } from './calls.ts';
import { clinicSyncTables } from './sync-tables.ts';

export const clinicsModule = defineSharedModule({ name: 'clinics', calls: clinicCalls, syncTables: clinicSyncTables, conflicts: [] });
