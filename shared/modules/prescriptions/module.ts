import { defineSharedModule } from '../define.ts';
import { prescriptionsCalls } from './calls.ts';
import { prescriptionsSyncTables } from './sync-tables.ts';

export const prescriptionsModule = defineSharedModule({ name: 'prescriptions', calls: prescriptionsCalls, syncTables: prescriptionsSyncTables, conflicts: [] });
