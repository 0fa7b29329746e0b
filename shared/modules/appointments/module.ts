import { defineSharedModule } from '../define.ts';
import { appointmentCalls } from './calls.ts';
import { doubleBookingConflict } from './conflicts.ts';
import { appointmentSyncTables } from './sync-tables.ts';

export { appointmentStatusRanks } from './sync-tables.ts';
export const appointmentsModule = defineSharedModule({ name: 'appointments', calls: appointmentCalls, syncTables: appointmentSyncTables, conflicts: [doubleBookingConflict] });
