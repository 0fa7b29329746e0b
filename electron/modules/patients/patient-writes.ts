import type { ClinicId, DeviceId, PatientId, UserId } from '#shared/domain/ids.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { allergyStatusOf } from '#shared/modules/patients/allergy-status.ts';
import type { PatientDetails } from '#shared/modules/patients/patient.ts';
import type { Db } from '../../db/database.ts';
import { patientAllergies, patientClinics, patientConditions, patients } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId, newPatientId } from '../../platform/ids.ts';
import { referenceSeries } from '#shared/domain/reference-numbers.ts';
import { issueReference } from '../../references/issue-reference.ts';
import { allergyStatementColumns } from './allergy-statement.ts';
import { patientColumns } from './patient-values.ts';
import type { PatientRow } from './tables.ts';

export type Registration = {
  readonly clinicId: ClinicId;
  readonly clinicCode: string;
  readonly deviceId: DeviceId;
  /** Who registers: the author of a "no known allergies" statement. */
  readonly userId: UserId;
  readonly nowMs: number;
  /** The clinic's local date, for an estimated age. */
  readonly today: string;
};

type Allergy = PatientDetails['allergies'][number] & { id?: string | undefined };
type Condition = PatientDetails['conditions'][number] & { id?: string | undefined };

/** Inserts a patient with a new medical record number; returns the new id. */
export function insertPatient(db: Db, details: PatientDetails, registration: Registration): PatientId {
  const id = newPatientId();
  const now = isoAt(registration.nowMs);
  const { reference, provisional } = issueReference(db, { ...registration, series: referenceSeries.medicalRecord });
  db.insert(patients)
    .values({
      id,
      mrn: reference,
      provisionalMrn: provisional ? reference : null,
      registeredClinicId: registration.clinicId,
      ...patientColumns(details, registration.today),
      ...allergyStatementColumns(allergyStatusOf(details), null, registration.userId, now),
      createdAt: now,
      updatedAt: now,
    })
    .run();
  replaceAllergies(db, id, details.allergies, registration.nowMs);
  replaceConditions(db, id, details.conditions, registration.nowMs);
  return id;
}

export type Edit = { readonly today: string; readonly nowMs: number; readonly userId: UserId };

export function updatePatientRow(db: Db, before: PatientRow, details: PatientDetails, edit: Edit): void {
  const now = isoAt(edit.nowMs);
  db.update(patients)
    .set({ ...patientColumns(details, edit.today), ...allergyStatementColumns(allergyStatusOf(details), before, edit.userId, now), updatedAt: now })
    .where(eq(patients.id, before.id))
    .run();
}

/**
 * Makes the stored list equal to the given one: rows with a known id are updated in place, new
 * ones inserted, missing ones tombstoned (never deleted: a removed allergy stays in history).
 */
export function replaceAllergies(db: Db, patientId: PatientId, allergies: readonly Allergy[], nowMs: number): void {
  const now = isoAt(nowMs);
  const existing = db
    .select({ id: patientAllergies.id })
    .from(patientAllergies)
    .where(and(eq(patientAllergies.patientId, patientId), isNull(patientAllergies.deletedAt)))
    .all();
  const kept = new Set(allergies.flatMap((allergy) => (allergy.id === undefined ? [] : [allergy.id])));
  for (const row of existing) {
    if (!kept.has(row.id)) db.update(patientAllergies).set({ deletedAt: now, updatedAt: now }).where(eq(patientAllergies.id, row.id)).run();
  }
  const known = new Set(existing.map((row) => row.id));
  for (const allergy of allergies) {
    const values = { substance: allergy.substance, reaction: allergy.reaction, severity: allergy.severity, updatedAt: now };
    if (allergy.id !== undefined && known.has(allergy.id)) {
      db.update(patientAllergies).set(values).where(eq(patientAllergies.id, allergy.id)).run();
    } else {
      db.insert(patientAllergies).values({ id: newId(), patientId, ...values, createdAt: now }).run();
    }
  }
}

export function replaceConditions(db: Db, patientId: PatientId, conditions: readonly Condition[], nowMs: number): void {
  const now = isoAt(nowMs);
  const existing = db
    .select({ id: patientConditions.id })
    .from(patientConditions)
    .where(and(eq(patientConditions.patientId, patientId), isNull(patientConditions.deletedAt)))
    .all();
  const kept = new Set(conditions.flatMap((condition) => (condition.id === undefined ? [] : [condition.id])));
  for (const row of existing) {
    if (!kept.has(row.id)) db.update(patientConditions).set({ deletedAt: now, updatedAt: now }).where(eq(patientConditions.id, row.id)).run();
  }
  const known = new Set(existing.map((row) => row.id));
  for (const condition of conditions) {
    const values = { name: condition.name, notes: condition.notes, updatedAt: now };
    if (condition.id !== undefined && known.has(condition.id)) {
      db.update(patientConditions).set(values).where(eq(patientConditions.id, condition.id)).run();
    } else {
      db.insert(patientConditions).values({ id: newId(), patientId, ...values, createdAt: now }).run();
    }
  }
}

/** Makes a patient visible in one more clinic (a no-op where it already is). */
export function linkToClinic(db: Db, patientId: PatientId, clinicId: ClinicId, nowMs: number): void {
  const now = isoAt(nowMs);
  db.insert(patientClinics)
    .values({ id: newId(), patientId, clinicId, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [patientClinics.patientId, patientClinics.clinicId], set: { deletedAt: null, updatedAt: now } })
    .run();
}
