import { defineSharedModule } from '../define.ts';
import { clinicSyncTables } from './sync-tables.ts';

export const clinicsModule = defineSharedModule({ name: 'clinics', syncTables: clinicSyncTables, conflicts: [] });
