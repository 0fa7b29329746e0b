import type Database from 'better-sqlite3';
import { syncedTables, type SyncedTableName } from '#shared/sync/tables.ts';
import type { ChangeStamper } from './change-stamps.ts';
import { dataColumnsOf } from './capture-triggers.ts';

/** Parents before children, so the hub and every replica can apply the upload in order. */
export const uploadOrder: readonly SyncedTableName[] = [
  'clinics',
  'devices',
  'users',
  'memberships',
  'doctor_profiles',
  'patients',
  'patient_clinics',
  'patient_allergies',
  'patient_conditions',
  'weekly_schedules',
  'schedule_exceptions',
  'appointments',
  'appointment_events',
  'queue_entries',
  'sync_conflicts',
  'audit_log',
];

const GROUP_SIZE = 500;

/** The rows of one clinic on this workstation, by the hub's rules of who sees what (SYNC.md §7). */
export function rowsInClinic(table: SyncedTableName): string {
  const members = `select user_id from memberships where clinic_id = :clinic`;
  const patientsHere = `select id from patients where registered_clinic_id = :clinic or id in (select patient_id from patient_clinics where clinic_id = :clinic and deleted_at is null)`;
  switch (table) {
    case 'clinics':
      return `id = :clinic`;
    case 'devices':
      return `1 = 1`;
    case 'users':
      return `id in (${members})`;
    case 'doctor_profiles':
      return `user_id in (${members})`;
    case 'patients':
      return `id in (${patientsHere})`;
    case 'patient_clinics':
    case 'patient_allergies':
    case 'patient_conditions':
      return `patient_id in (${patientsHere})`;
    case 'appointment_events':
      return `appointment_id in (select id from appointments where clinic_id = :clinic)`;
    case 'audit_log':
      return `clinic_id = :clinic or (clinic_id is null and (user_id is null or user_id in (${members})))`;
    default:
      return `clinic_id = :clinic`;
  }
}

/**
 * When a standalone workstation first connects, everything it holds for the clinic goes up as
 * new rows, in groups that are each one transaction. Each group's rows take the group's stamp as
 * their clocks, here and at the hub, so both start from the same clocks.
 */
export function queueInitialUpload(sqlite: Database.Database, stamper: ChangeStamper, clinicId: string): number {
  let rows = 0;
  sqlite.transaction(() => {
    for (const table of uploadOrder) {
      const key = syncedTables[table].key;
      const columns = dataColumnsOf(sqlite, table);
      const select = sqlite.prepare(`select ${key} as row_key, json_object(${columns.map((column) => `'${column}', "${column}"`).join(', ')}) as data from "${table}" where ${rowsInClinic(table)} order by ${key}`);
      const found = select.all({ clinic: clinicId }) as { row_key: string; data: string }[];
      for (let start = 0; start < found.length; start += GROUP_SIZE) {
        const group = found.slice(start, start + GROUP_SIZE);
        const state = sqlite.prepare(`update sync_state set txn = txn + 1, hlc = ? where id = 1 returning txn`).get(stamper.clock.tick()) as { txn: number };
        const hlc = stamper.clock.last;
        const enqueue = sqlite.prepare(`insert into sync_outbox (txn, hlc, tbl, row_id, kind, data) values (?, ?, ?, ?, 'insert', ?)`);
        const reclock = syncedTables[table].kind === 'ledger' ? null : sqlite.prepare(`update "${table}" set sync_clock = ? where "${key}" = ?`);
        for (const row of group) {
          enqueue.run(state.txn, hlc, table, row.row_key, row.data);
          reclock?.run(JSON.stringify({ '*': hlc }), row.row_key);
        }
        rows += group.length;
      }
    }
  })();
  return rows;
}

/**
 * A joining workstation's own rows, written before it was connected (its device, and the audit
 * of its enrolment or of sign-ins during its first sync): they go up once its first sync is done,
 * stamped now, in one transaction of the caller.
 */
export function queueOwnRows(sqlite: Database.Database, stamper: ChangeStamper, deviceId: string): number {
  const selections: readonly { table: SyncedTableName; where: string }[] = [
    { table: 'devices', where: `id = :device` },
    { table: 'audit_log', where: `device_id = :device` },
  ];
  const state = sqlite.prepare(`update sync_state set txn = txn + 1, hlc = ? where id = 1 returning txn`).get(stamper.clock.tick()) as { txn: number };
  const hlc = stamper.clock.last;
  const enqueue = sqlite.prepare(`insert into sync_outbox (txn, hlc, tbl, row_id, kind, data) values (?, ?, ?, ?, 'insert', ?)`);
  let rows = 0;
  for (const { table, where } of selections) {
    const key = syncedTables[table].key;
    const columns = dataColumnsOf(sqlite, table);
    const found = sqlite.prepare(`select ${key} as row_key, json_object(${columns.map((column) => `'${column}', "${column}"`).join(', ')}) as data from "${table}" where ${where} order by ${key}`).all({ device: deviceId }) as { row_key: string; data: string }[];
    const reclock = syncedTables[table].kind === 'ledger' ? null : sqlite.prepare(`update "${table}" set sync_clock = ? where "${key}" = ?`);
    for (const row of found) {
      enqueue.run(state.txn, hlc, table, row.row_key, row.data);
      reclock?.run(JSON.stringify({ '*': hlc }), row.row_key);
    }
    rows += found.length;
  }
  return rows;
}

