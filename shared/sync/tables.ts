// Every replicated table, declared once with its kind: adding a table to sync is one line here
// (and its mirror in the hub's migrations). The kind decides how concurrent changes merge
// (SYNC.md §6); the scope decides which clinics' workstations receive it (§7).

export type MergeKind =
  /** Last writer wins per column, by HLC. */
  | { readonly kind: 'register' }
  /** Insert-only: rows never change, so they cannot conflict. */
  | { readonly kind: 'ledger' }
  /** Like a register, but the status column only moves up a fixed precedence; equal ranks fall back to HLC. */
  | { readonly kind: 'stateMachine'; readonly column: string; readonly ranks: Readonly<Record<string, number>> };

/** How the hub finds the clinics a row belongs to. */
export type ClinicScope =
  | { readonly by: 'self' }
  | { readonly by: 'column'; readonly column: string }
  | { readonly by: 'patient'; readonly column: string }
  | { readonly by: 'user'; readonly column: string }
  | { readonly by: 'appointment'; readonly column: string }
  | { readonly by: 'device' }
  | { readonly by: 'audit' };

export type SyncedTable = MergeKind & { readonly key: string; readonly scope: ClinicScope };

const register = (scope: ClinicScope, key = 'id'): SyncedTable => ({ kind: 'register', key, scope });
const ledger = (scope: ClinicScope): SyncedTable => ({ kind: 'ledger', key: 'id', scope });
const stateMachine = (scope: ClinicScope, column: string, ranks: Record<string, number>): SyncedTable => ({ kind: 'stateMachine', key: 'id', scope, column, ranks });

/**
 * Appointment statuses only move forward: every allowed step raises the rank, so merging by
 * rank converges whatever order the steps arrive in, and a stale "scheduled" never reopens one.
 */
export const appointmentStatusRanks = { SCHEDULED: 0, NO_SHOW: 1, CHECKED_IN: 2, CANCELLED: 3, COMPLETED: 4 } as const;

/** Called and waiting swap places (a patient called back to waiting), so they share a rank. */
export const queueStatusRanks = { WAITING: 0, CALLED: 0, IN_CONSULTATION: 1, LEFT: 2, DONE: 3 } as const;

export const syncedTables = {
  clinics: register({ by: 'self' }),
  devices: register({ by: 'device' }),
  users: register({ by: 'user', column: 'id' }),
  memberships: register({ by: 'column', column: 'clinic_id' }),
  audit_log: ledger({ by: 'audit' }),
  patients: register({ by: 'patient', column: 'id' }),
  patient_clinics: register({ by: 'patient', column: 'patient_id' }),
  patient_allergies: register({ by: 'patient', column: 'patient_id' }),
  patient_conditions: register({ by: 'patient', column: 'patient_id' }),
  doctor_profiles: register({ by: 'user', column: 'user_id' }, 'user_id'),
  weekly_schedules: register({ by: 'column', column: 'clinic_id' }),
  schedule_exceptions: register({ by: 'column', column: 'clinic_id' }),
  appointments: stateMachine({ by: 'column', column: 'clinic_id' }, 'status', appointmentStatusRanks),
  appointment_events: ledger({ by: 'appointment', column: 'appointment_id' }),
  queue_entries: stateMachine({ by: 'column', column: 'clinic_id' }, 'status', queueStatusRanks),
  sync_conflicts: register({ by: 'column', column: 'clinic_id' }),
} as const satisfies Record<string, SyncedTable>;

export type SyncedTableName = keyof typeof syncedTables;

export const syncedTableNames = Object.keys(syncedTables) as SyncedTableName[];

export function isSyncedTable(name: string): name is SyncedTableName {
  return Object.hasOwn(syncedTables, name);
}

/** The column holding each row's per-column clocks; it never travels as data. */
export const CLOCK_COLUMN = 'sync_clock';
