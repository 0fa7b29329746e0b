import type { RowClock, SyncValue } from '#shared/sync/merge.ts';
import { CLOCK_COLUMN, syncedTables, type SyncedTableName } from '#shared/sync/tables.ts';
import type { HubQueries } from '../db/hub-db.ts';
import { rowKey, type BatchState } from './batch-state.ts';

export type FeedEntry = {
  clinicId: string;
  table: SyncedTableName;
  rowId: string;
  kind: 'insert' | 'update';
  columns: Record<string, SyncValue>;
  hlc: string;
  clock: RowClock | null;
};

/** The rows that travel with a patient or a user to a clinic that just started seeing them. */
const followers: Readonly<Record<'patients' | 'users', readonly { table: SyncedTableName; column: string }[]>> = {
  patients: [
    { table: 'patients', column: 'id' },
    { table: 'patient_clinics', column: 'patient_id' },
    { table: 'patient_allergies', column: 'patient_id' },
    { table: 'patient_conditions', column: 'patient_id' },
  ],
  users: [
    { table: 'users', column: 'id' },
    { table: 'doctor_profiles', column: 'user_id' },
  ],
};

function maxStamp(clock: RowClock): string {
  return Object.values(clock).reduce((max, stamp) => (stamp > max ? stamp : max), '');
}

/** The clinics each changed row is seen by once the whole batch is applied. */
export function finalClinics(state: BatchState, origin: string): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const key of state.dirty) {
    const [table = '', id = ''] = key.split('\u0000');
    const row = state.get(table as SyncedTableName, id);
    if (row === null) continue;
    const clinics = state.clinicsOf(table as SyncedTableName, row.values, origin);
    result.set(key, clinics.size > 0 ? clinics : new Set(state.attributed.get(key) ?? []));
  }
  return result;
}

/**
 * A patient linked to another clinic, or a user given a role in one, was never seen by that
 * clinic's workstations: their rows go to it whole, with their clocks, and the hub notes that the
 * clinic now sees them, so a workstation joining it later receives them too.
 */
export async function fanOutNewClinics(db: HubQueries, state: BatchState, clinicsOfRow: Map<string, Set<string>>): Promise<FeedEntry[]> {
  const owners = new Map<string, { table: 'patients' | 'users'; id: string }>();
  for (const key of state.dirty) {
    const [table = '', id = ''] = key.split('\u0000');
    const row = state.get(table as SyncedTableName, id);
    if (row === null) continue;
    const ownerTable = table === 'patients' || table === 'patient_clinics' ? 'patients' : table === 'users' || table === 'memberships' ? 'users' : null;
    const ownerId = table === 'patients' || table === 'users' ? id : row.values[table === 'patient_clinics' ? 'patient_id' : 'user_id'];
    if (ownerTable !== null && typeof ownerId === 'string') owners.set(rowKey(ownerTable, ownerId), { table: ownerTable, id: ownerId });
  }
  const feed: FeedEntry[] = [];
  for (const owner of owners.values()) {
    const ownerRow = state.get(owner.table, owner.id);
    if (ownerRow === null) continue;
    const clinics = owner.table === 'patients' ? state.clinicsOfPatient(owner.id) : state.clinicsOfUser(owner.id);
    for (const clinicId of clinics) {
      const [seen] = await db.query(`select 1 from hub_row_clinics where clinic_id = $1 and tbl = $2 and row_id = $3`, [clinicId, owner.table, owner.id]);
      if (seen !== undefined) continue;
      for (const follower of followers[owner.table]) {
        const key = syncedTables[follower.table].key;
        const stored = await db.query<Record<string, unknown>>(`select * from ${follower.table} where ${follower.column} = $1`, [owner.id]);
        const rows = new Map<string, { values: Record<string, SyncValue>; clock: RowClock }>();
        for (const row of stored) {
          const { [CLOCK_COLUMN]: clock, ...values } = row;
          rows.set(String(row[key]), { values: values as Record<string, SyncValue>, clock: (clock ?? {}) as RowClock });
        }
        for (const dirtyKey of state.dirty) {
          const [table = '', id = ''] = dirtyKey.split('\u0000');
          const held = table === follower.table ? state.get(follower.table, id) : null;
          if (held !== null && held.values[follower.column] === owner.id) rows.set(id, { values: { ...held.values }, clock: held.clock });
        }
        for (const [id, row] of rows) {
          feed.push({ clinicId, table: follower.table, rowId: id, kind: 'insert', columns: row.values, hlc: maxStamp(row.clock), clock: row.clock });
          const rowKeyText = rowKey(follower.table, id);
          clinicsOfRow.set(rowKeyText, (clinicsOfRow.get(rowKeyText) ?? new Set()).add(clinicId));
        }
      }
    }
  }
  return feed;
}
