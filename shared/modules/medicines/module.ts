import { defineSharedModule } from '../define.ts';
import { medicineCatalogueCalls } from './calls.ts';
import { medicineCheckCalls } from './check-calls.ts';
import { medicineSyncTables } from './sync-tables.ts';

export const medicinesModule = defineSharedModule({ name: 'medicines', calls: { ...medicineCatalogueCalls, ...medicineCheckCalls }, syncTables: medicineSyncTables, conflicts: [] });
