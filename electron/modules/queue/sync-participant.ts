import type Database from 'better-sqlite3';
import { clashingPairs } from '../../sync/conflicts.ts';
import type { ConflictRowView, SyncParticipant } from '../../sync/participants.ts';
import { statement } from '../../db/statements.ts';

/** Two desks handed out one token on one day. */
const DUPLICATE_TOKENS_SQL = `select e.id, other.id as other_id, e.clinic_id from json_each(?) as page
     join queue_entries e on e.id = page.value
     join queue_entries other
       on other.clinic_id = e.clinic_id and other.service_date = e.service_date and other.token = e.token and other.id <> e.id and other.deleted_at is null
    where e.deleted_at is null`;

function tokenRow(sqlite: Database.Database, id: string): ConflictRowView {
  const row = statement(sqlite, `select q.token, q.service_date, q.arrived_at, p.given_name || ' ' || p.family_name as patient from queue_entries q join patients p on p.id = q.patient_id where q.id = ?`).get(id) as
    | { token: string; service_date: string; arrived_at: string; patient: string }
    | undefined;
  return row === undefined ? { id, label: 'Queue entry not on this workstation', detail: '' } : { id, label: `Token ${row.token} · ${row.patient}`, detail: `${row.service_date} · arrived ${row.arrived_at}` };
}

export const queueSyncParticipant: SyncParticipant = {
  name: 'queue',
  // A token never changes once handed out: only new entries can clash.
  conflictDetectors: [{ table: 'queue_entries', watches: (row) => row.inserted, detect: (sqlite, _db, ids) => clashingPairs(sqlite, 'DUPLICATE_TOKEN', DUPLICATE_TOKENS_SQL, ids) }],
  conflictRows: { DUPLICATE_TOKEN: tokenRow },
};
