import { patientIdSchema, type ClinicId, type PatientId } from '#shared/domain/ids.ts';
import type Database from 'better-sqlite3';
import type { Db } from '../../db/database.ts';
import { statement } from '../../db/statements.ts';
import { detectedConflict, type DetectedConflict } from '../../sync/conflicts.ts';
import type { ConflictRowView, SyncParticipant } from '../../sync/participants.ts';
import { findDuplicates } from './duplicates.ts';
import { renumberPatient } from './renumber.ts';
import { indexPendingPatients } from './search/index-pending.ts';
import { rebuildPatientSearchIndex } from './search/rebuild-index.ts';

function registeredOn(sqlite: Database.Database, patientId: PatientId): string | null {
  return (statement(sqlite, `select device_id from audit_log where action = 'patients.register' and entity_id = ? limit 1`).pluck().get(patientId) as string | undefined) ?? null;
}

/**
 * The same person registered at two workstations while they were apart. A pair registered at
 * one workstation was already checked by its desk against the duplicate warning, so it is not.
 */
function duplicatePatients(sqlite: Database.Database, db: Db, patientId: PatientId): DetectedConflict[] {
  const row = statement(sqlite, `select * from patients where id = ? and merged_into_id is null and deleted_at is null`).get(patientId) as
    | { registered_clinic_id: ClinicId; given_name: string; family_name: string; birth_date: string | null; phone: string; national_id: string }
    | undefined;
  if (row === undefined) return [];
  const { visible } = findDuplicates(db, { givenName: row.given_name, familyName: row.family_name, birthDate: row.birth_date, phone: row.phone, nationalId: row.national_id, excludePatientId: patientId }, row.registered_clinic_id);
  if (visible.length === 0) return [];
  const here = registeredOn(sqlite, patientId);
  return visible
    .filter((candidate) => here === null || registeredOn(sqlite, candidate.row.id) !== here)
    .map((candidate) => detectedConflict('DUPLICATE_PATIENT', row.registered_clinic_id, [patientId, candidate.row.id]));
}

function patientRow(sqlite: Database.Database, id: string): ConflictRowView {
  const row = statement(sqlite, `select mrn, given_name || ' ' || family_name as name, birth_date, phone, merged_into_id from patients where id = ?`).get(id) as
    | { mrn: string; name: string; birth_date: string | null; phone: string; merged_into_id: string | null }
    | undefined;
  return row === undefined
    ? { id, label: 'Patient not on this workstation', detail: '' }
    : { id, label: `${row.name} · ${row.mrn}`, detail: [row.birth_date ?? 'birth date not known', row.phone, row.merged_into_id === null ? '' : 'merged'].filter((part) => part !== '').join(' · ') };
}

export const patientSyncParticipant: SyncParticipant = {
  name: 'patients',
  // A registration is checked once, when it arrives; edits of a known patient are not.
  conflictDetectors: [{ table: 'patients', watches: (row) => row.inserted, detect: (sqlite, db, ids) => ids.flatMap((id) => duplicatePatients(sqlite, db, patientIdSchema.parse(id))) }],
  conflictRows: { DUPLICATE_PATIENT: patientRow },
  // The name index takes the patients a page touched, noted by its triggers, once per page.
  afterApply: (sqlite) => {
    indexPendingPatients(sqlite);
  },
  // The name index is filled from the patients table in one go, instead of row by row.
  bulkLoad: { triggers: 'patients\\_search\\_%', afterBulkLoad: rebuildPatientSearchIndex },
  referenceRenamers: [renumberPatient],
};
