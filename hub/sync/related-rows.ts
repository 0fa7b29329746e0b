import type { RowClock, SyncValue } from '#shared/sync/merge.ts';
import { CLOCK_COLUMN, type SyncedTableName } from '#shared/sync/tables.ts';
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
const followers: Readonly<Record<'patient' | 'user', readonly { table: SyncedTableName; column: string }[]>> = {
  patient: [
    { table: 'patients', column: 'id' },
    { table: 'patient_clinics', column: 'patient_id' },
    { table: 'patient_allergies', column: 'patient_id' },
    { table: 'patient_conditions', column: 'patient_id' },
  ],
  user: [
    { table: 'users', column: 'id' },
    { table: 'doctor_profiles', column: 'user_id' },
  ],
};

function maxStamp(clock: RowClock): string {
  return Object.values(clock).reduce((max, stamp) => (stamp > max ? stamp : max), '');
}

/**
 * When a patient is linked to another clinic, or a user given a role in one, that clinic's
 * workstations have never seen them: their rows go to it whole, with their clocks, and the hub
 * notes that the clinic now sees them, so a workstation joining it later receives them too.
 */
export async function fanOutNewClinics(db: HubQueries, state: BatchState, touched: Map<string, Set<string>>): Promise<FeedEntry[]> {
  const arrivals: { kind: 'patient' | 'user'; ownerId: string; clinicId: string }[] = [];
  for (const key of touched.keys()) {
    const [table = '', id = ''] = key.split('\u0000');
    if (table !== 'patient_clinics' && table !== 'memberships') continue;
    const row = state.get(table, id);
    if (row === null || row.values['deleted_at'] !== null) continue;
    const clinicId = row.values['clinic_id'];
    const ownerId = row.values[table === 'patient_clinics' ? 'patient_id' : 'user_id'];
    if (typeof clinicId !== 'string' || typeof ownerId !== 'string') continue;
    const kind = table === 'patient_clinics' ? 'patient' : 'user';
    const ownerTable = kind === 'patient' ? 'patients' : 'users';
    const [seen] = await db.query(`select 1 from hub_row_clinics where clinic_id = $1 and tbl = $2 and row_id = $3`, [clinicId, ownerTable, ownerId]);
    if (seen === undefined) arrivals.push({ kind, ownerId, clinicId });
  }
  const feed: FeedEntry[] = [];
  for (const arrival of arrivals) {
    for (const follower of followers[arrival.kind]) {
      const rows = await db.query<Record<string, unknown>>(`select * from ${follower.table} where ${follower.column} = $1`, [arrival.ownerId]);
      const byId = new Map(rows.map((row) => [String(row[follower.table === 'doctor_profiles' ? 'user_id' : 'id']), row]));
      for (const [id, row] of byId) {
        const held = state.get(follower.table, id);
        const { [CLOCK_COLUMN]: storedClock, ...values } = row;
        const columns = (held?.values ?? values) as Record<string, SyncValue>;
        const clock = held?.clock ?? ((storedClock ?? {}) as RowClock);
        feed.push({ clinicId: arrival.clinicId, table: follower.table, rowId: id, kind: 'insert', columns, hlc: maxStamp(clock), clock });
        const key = rowKey(follower.table, id);
        touched.set(key, (touched.get(key) ?? new Set()).add(arrival.clinicId));
      }
    }
  }
  return feed;
}
