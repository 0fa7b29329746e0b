import type Database from 'better-sqlite3';
import { clashingPairs } from '../../sync/conflicts.ts';
import type { ConflictRowView, SyncParticipant } from '../../sync/participants.ts';
import { statement } from '../../db/statements.ts';
import { renumberAppointment } from './renumber.ts';

/**
 * Two workstations booked one doctor for overlapping times. No appointment lasts a day, so only
 * the doctor's appointments starting within the day before can overlap: the index reads those.
 */
const DOUBLE_BOOKINGS_SQL = `select a.id, other.id as other_id, a.clinic_id from json_each(?) as page
     join appointments a on a.id = page.value
     join appointments other
       on other.clinic_id = a.clinic_id and other.doctor_user_id = a.doctor_user_id and other.id <> a.id
      and other.start_at < a.end_at and other.end_at > a.start_at
      and other.start_at > strftime('%Y-%m-%dT%H:%M:%fZ', a.start_at, '-1 day')
      and other.status in ('SCHEDULED', 'CHECKED_IN', 'COMPLETED') and other.deleted_at is null
    where a.status in ('SCHEDULED', 'CHECKED_IN', 'COMPLETED') and a.deleted_at is null`;

function bookingRow(sqlite: Database.Database, id: string): ConflictRowView {
  const row = statement(sqlite, `select a.reference, a.start_at, a.status, p.given_name || ' ' || p.family_name as patient, u.full_name as doctor from appointments a join patients p on p.id = a.patient_id join users u on u.id = a.doctor_user_id where a.id = ?`).get(id) as
    | { reference: string; start_at: string; status: string; patient: string; doctor: string }
    | undefined;
  return row === undefined ? { id, label: 'Appointment not on this workstation', detail: '' } : { id, label: `${row.reference} · ${row.patient}`, detail: `${row.doctor} · ${row.start_at} · ${row.status.toLowerCase()}` };
}

export const appointmentSyncParticipant: SyncParticipant = {
  name: 'appointments',
  // Any booking a pull brings or changes may now overlap another.
  conflictDetectors: [{ table: 'appointments', watches: () => true, detect: (sqlite, _db, ids) => clashingPairs(sqlite, 'DOUBLE_BOOKING', DOUBLE_BOOKINGS_SQL, ids) }],
  conflictRows: { DOUBLE_BOOKING: bookingRow },
  referenceRenamers: [renumberAppointment],
};
