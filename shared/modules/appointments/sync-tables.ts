import { ledger, stateMachine, type SyncTableDeclarations } from '../../sync/tables.ts';

/**
 * Appointment statuses only move forward: every allowed step raises the rank, so merging by
 * rank converges whatever order the steps arrive in, and a stale "scheduled" never reopens one.
 */
export const appointmentStatusRanks = { SCHEDULED: 0, NO_SHOW: 1, CHECKED_IN: 2, CANCELLED: 3, COMPLETED: 4 } as const;

export const appointmentSyncTables = {
  appointments: stateMachine({ by: 'column', column: 'clinic_id' }, 'status', appointmentStatusRanks),
  appointment_events: ledger({ by: 'parent', table: 'appointments', column: 'appointment_id' }),
} as const satisfies SyncTableDeclarations;
