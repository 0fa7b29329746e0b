import type Database from 'better-sqlite3';
import type { SyncConflict } from '#shared/api/calls/sync.ts';

type ConflictRow = { id: string; kind: SyncConflict['kind']; row_ids: string; detected_at: string; resolved_at: string | null; resolution: string };

/** What a person needs to see of each row in conflict to decide. */
function describeRow(sqlite: Database.Database, kind: SyncConflict['kind'], id: string): { id: string; label: string; detail: string } {
  if (kind === 'DOUBLE_BOOKING') {
    const row = sqlite
      .prepare(`select a.reference, a.start_at, a.status, p.given_name || ' ' || p.family_name as patient, u.full_name as doctor from appointments a join patients p on p.id = a.patient_id join users u on u.id = a.doctor_user_id where a.id = ?`)
      .get(id) as { reference: string; start_at: string; status: string; patient: string; doctor: string } | undefined;
    return row === undefined ? { id, label: 'Appointment not on this workstation', detail: '' } : { id, label: `${row.reference} · ${row.patient}`, detail: `${row.doctor} · ${row.start_at} · ${row.status.toLowerCase()}` };
  }
  if (kind === 'DUPLICATE_PATIENT') {
    const row = sqlite.prepare(`select mrn, given_name || ' ' || family_name as name, birth_date, phone, merged_into_id from patients where id = ?`).get(id) as { mrn: string; name: string; birth_date: string | null; phone: string; merged_into_id: string | null } | undefined;
    return row === undefined ? { id, label: 'Patient not on this workstation', detail: '' } : { id, label: `${row.name} · ${row.mrn}`, detail: [row.birth_date ?? 'birth date not known', row.phone, row.merged_into_id === null ? '' : 'merged'].filter((part) => part !== '').join(' · ') };
  }
  const row = sqlite.prepare(`select q.token, q.service_date, q.arrived_at, p.given_name || ' ' || p.family_name as patient from queue_entries q join patients p on p.id = q.patient_id where q.id = ?`).get(id) as { token: string; service_date: string; arrived_at: string; patient: string } | undefined;
  return row === undefined ? { id, label: 'Queue entry not on this workstation', detail: '' } : { id, label: `Token ${row.token} · ${row.patient}`, detail: `${row.service_date} · arrived ${row.arrived_at}` };
}

export function listConflicts(sqlite: Database.Database, clinicId: string, includeResolved: boolean): SyncConflict[] {
  const rows = sqlite.prepare(`select id, kind, row_ids, detected_at, resolved_at, resolution from sync_conflicts where clinic_id = ? and deleted_at is null ${includeResolved ? '' : 'and resolved_at is null'} order by detected_at desc limit 200`).all(clinicId) as ConflictRow[];
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    detectedAt: row.detected_at,
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
    rows: (JSON.parse(row.row_ids) as string[]).map((id) => describeRow(sqlite, row.kind, id)),
  }));
}
