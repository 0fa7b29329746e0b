import type { ClinicId, PatientId } from '#shared/domain/ids.ts';
import { and, eq, inArray, isNull, max, or, sql, type Placeholder } from 'drizzle-orm';
import { shownAllergyStatus } from '#shared/modules/patients/allergy-status.ts';
import type { PatientRecord, PatientSummary } from '#shared/modules/patients/calls.ts';
import type { Db } from '../../db/database.ts';
import { appointments, clinics, patientAllergies, patientClinics, patientConditions, patients, queueEntries, users } from '../../db/schema/index.ts';
import type { PatientRow } from './tables.ts';
import { prepared } from '../../db/prepared.ts';

export function findPatient(db: Db, patientId: PatientId): PatientRow | undefined {
  return prepared(db, 'patients.byId', (handle) =>
    handle
      .select()
      .from(patients)
      .where(and(eq(patients.id, sql.placeholder('id')), isNull(patients.deletedAt)))
      .prepare(),
  ).get({ id: patientId });
}

/** A clinic sees the patients it registered and those linked to it. */
export function isVisibleIn(db: Db, patient: PatientRow, clinicId: ClinicId): boolean {
  if (patient.registeredClinicId === clinicId) return true;
  return (
    db
      .select({ id: patientClinics.id })
      .from(patientClinics)
      .where(and(eq(patientClinics.patientId, patient.id), eq(patientClinics.clinicId, clinicId), isNull(patientClinics.deletedAt)))
      .get() !== undefined
  );
}

/** The SQL condition "this patient row is visible in the clinic", for queries over many patients. */
export function visibleInClinicSql(clinicId: ClinicId | Placeholder) {
  return or(
    eq(patients.registeredClinicId, clinicId),
    sql`exists (select 1 from ${patientClinics} where ${patientClinics.patientId} = ${patients.id} and ${patientClinics.clinicId} = ${clinicId} and ${patientClinics.deletedAt} is null)`,
  );
}

/** The survivor and every record merged into it: their appointments and queue entries are one person's. */
export function mergeSetOf(db: Db, survivorId: PatientId): PatientId[] {
  const merged = db
    .select({ id: patients.id })
    .from(patients)
    .where(eq(patients.mergedIntoId, survivorId))
    .all()
    .map((row) => row.id);
  return [survivorId, ...merged];
}

/** When each patient was last seen: a finished queue entry or a completed appointment. */
export function lastVisitsOf(db: Db, patientIds: readonly PatientId[]): Map<string, string> {
  const visits = new Map<string, string>();
  if (patientIds.length === 0) return visits;
  const note = (patientId: PatientId, at: string | null): void => {
    if (at === null) return;
    const known = visits.get(patientId);
    if (known === undefined || at > known) visits.set(patientId, at);
  };
  const ids = [...patientIds];
  for (const row of db
    .select({ patientId: queueEntries.patientId, at: max(queueEntries.finishedAt) })
    .from(queueEntries)
    .where(and(inArray(queueEntries.patientId, ids), eq(queueEntries.status, 'DONE')))
    .groupBy(queueEntries.patientId)
    .all()) {
    note(row.patientId, row.at);
  }
  for (const row of db
    .select({ patientId: appointments.patientId, at: max(appointments.startAt) })
    .from(appointments)
    .where(and(inArray(appointments.patientId, ids), eq(appointments.status, 'COMPLETED')))
    .groupBy(appointments.patientId)
    .all()) {
    note(row.patientId, row.at);
  }
  return visits;
}

export function summaryOf(row: PatientRow, lastVisitAt: string | null): PatientSummary {
  return {
    id: row.id,
    mrn: row.mrn,
    givenName: row.givenName,
    familyName: row.familyName,
    sex: row.sex,
    birthDate: row.birthDate,
    birthDateEstimated: row.birthDateEstimated,
    phone: row.phone,
    lastVisitAt,
  };
}

export function summariesOf(db: Db, rows: readonly PatientRow[]): PatientSummary[] {
  const visits = lastVisitsOf(db, rows.map((row) => row.id));
  return rows.map((row) => summaryOf(row, visits.get(row.id) ?? null));
}

export function recordOf(db: Db, row: PatientRow, redirectedFrom: string | null): PatientRecord {
  const mergeSet = mergeSetOf(db, row.id);
  const lastVisit = lastVisitsOf(db, mergeSet);
  const latest = [...lastVisit.values()].sort().pop() ?? null;
  const allergies = db
    .select({ id: patientAllergies.id, substance: patientAllergies.substance, reaction: patientAllergies.reaction, severity: patientAllergies.severity })
    .from(patientAllergies)
    .where(and(eq(patientAllergies.patientId, row.id), isNull(patientAllergies.deletedAt)))
    .orderBy(patientAllergies.substance)
    .all();
  const conditions = db
    .select({ id: patientConditions.id, name: patientConditions.name, notes: patientConditions.notes })
    .from(patientConditions)
    .where(and(eq(patientConditions.patientId, row.id), isNull(patientConditions.deletedAt)))
    .orderBy(patientConditions.name)
    .all();
  const linked = db
    .select({ clinicId: clinics.id, code: clinics.code, name: clinics.name })
    .from(clinics)
    .where(
      or(
        eq(clinics.id, row.registeredClinicId),
        sql`${clinics.id} in (select ${patientClinics.clinicId} from ${patientClinics} where ${patientClinics.patientId} = ${row.id} and ${patientClinics.deletedAt} is null)`,
      ),
    )
    .orderBy(clinics.code)
    .all();
  const allergyStatus = shownAllergyStatus(row.allergyStatus, allergies.length);
  const mergedRecords = db
    .select({ id: patients.id, mrn: patients.mrn })
    .from(patients)
    .where(eq(patients.mergedIntoId, row.id))
    .all();
  return {
    ...summaryOf(row, latest),
    registeredClinicId: row.registeredClinicId,
    email: row.email,
    address: row.address,
    postalCode: row.postalCode,
    nationalId: row.nationalId,
    emergencyContactName: row.emergencyContactName,
    emergencyContactPhone: row.emergencyContactPhone,
    notes: row.notes,
    allergyStatus,
    allergyStatement: allergyStatus === 'NONE_KNOWN' && row.allergiesStatedAt !== null ? { statedByName: statedByName(db, row), statedAt: row.allergiesStatedAt } : null,
    allergies,
    conditions,
    clinics: linked,
    mergedRecords,
    provisionalMrn: row.provisionalMrn,
    redirectedFrom,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The name of who stated "no known allergies"; null when their account is not held here (another clinic's). */
function statedByName(db: Db, row: PatientRow): string | null {
  if (row.allergiesStatedBy === null) return null;
  return db.select({ fullName: users.fullName }).from(users).where(eq(users.id, row.allergiesStatedBy)).get()?.fullName ?? null;
}
