import { defineSharedModule } from '../define.ts';
import { ordersCalls } from './calls.ts';
import { ordersSyncTables } from './sync-tables.ts';

export const ordersModule = defineSharedModule({ name: 'orders', calls: ordersCalls, syncTables: ordersSyncTables, conflicts: [] });
