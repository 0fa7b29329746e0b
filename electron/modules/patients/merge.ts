import type { PatientId } from '#shared/domain/ids.ts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { patientAllergies, patientClinics, patientConditions, patients } from '../../db/schema/index.ts';
import type { PatientRow } from './tables.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { linkToClinic } from './patient-writes.ts';
import { normalizeTerm } from './search/normalize.ts';

const FILLABLE = ['phone', 'phoneDigitsReversed', 'email', 'address', 'postalCode', 'nationalId', 'emergencyContactName', 'emergencyContactPhone'] as const;

/**
 * Merges one record of a person into another. Nothing is deleted: the merged record points to
 * the survivor, so its appointments and queue entries show there; the survivor takes whatever it
 * lacked (contact details, allergies, conditions, clinics). Returns the fields it took.
 */
export function mergePatients(db: Db, survivor: PatientRow, merged: PatientRow, nowMs: number): string[] {
  const now = isoAt(nowMs);
  const filled: Partial<Record<(typeof FILLABLE)[number], string>> = {};
  for (const field of FILLABLE) {
    if (survivor[field] === '' && merged[field] !== '') filled[field] = merged[field];
  }
  const notes = merged.notes === '' ? survivor.notes : survivor.notes === '' ? merged.notes : `${survivor.notes}\n\n[From ${merged.mrn}] ${merged.notes}`;
  const birth = survivor.birthDateEstimated && !merged.birthDateEstimated && merged.birthDate !== null ? { birthDate: merged.birthDate, birthDateEstimated: false } : {};
  db.update(patients)
    .set({ ...filled, ...birth, notes, updatedAt: now })
    .where(eq(patients.id, survivor.id))
    .run();

  // Earlier merges into the merged record now point at the survivor, so one level always suffices.
  db.update(patients).set({ mergedIntoId: survivor.id, updatedAt: now }).where(eq(patients.mergedIntoId, merged.id)).run();
  db.update(patients).set({ mergedIntoId: survivor.id, updatedAt: now }).where(eq(patients.id, merged.id)).run();

  const allergiesTaken = copyMissingAllergies(db, survivor.id, merged.id, now);
  copyMissingConditions(db, survivor.id, merged.id, now);
  const status = mergedAllergyStatus(survivor, merged, allergiesTaken);
  if (status !== null) db.update(patients).set({ ...status, updatedAt: now }).where(eq(patients.id, survivor.id)).run();

  linkToClinic(db, survivor.id, merged.registeredClinicId, nowMs);
  for (const link of db
    .select({ clinicId: patientClinics.clinicId })
    .from(patientClinics)
    .where(and(eq(patientClinics.patientId, merged.id), isNull(patientClinics.deletedAt)))
    .all()) {
    linkToClinic(db, survivor.id, link.clinicId, nowMs);
  }
  return [...Object.keys(filled).filter((field) => field !== 'phoneDigitsReversed'), ...(notes === survivor.notes ? [] : ['notes']), ...Object.keys(birth).slice(0, 1), ...(status === null ? [] : ['allergyStatus'])];
}

/**
 * The survivor's allergy status after a merge, or null to leave it: allergies taken from the
 * other record make it listed (whatever it said before); a survivor with nothing recorded takes
 * the other's "no known allergies" statement, with its author and time.
 */
function mergedAllergyStatus(survivor: PatientRow, merged: PatientRow, allergiesTaken: number): Pick<PatientRow, 'allergyStatus' | 'allergiesStatedBy' | 'allergiesStatedAt'> | null {
  if (allergiesTaken > 0) return survivor.allergyStatus === 'LISTED' ? null : { allergyStatus: 'LISTED', allergiesStatedBy: null, allergiesStatedAt: null };
  if (survivor.allergyStatus === 'NOT_RECORDED' && merged.allergyStatus === 'NONE_KNOWN') {
    return { allergyStatus: 'NONE_KNOWN', allergiesStatedBy: merged.allergiesStatedBy, allergiesStatedAt: merged.allergiesStatedAt };
  }
  return null;
}

/** Returns how many allergies the survivor took. */
function copyMissingAllergies(db: Db, survivorId: PatientId, mergedId: PatientId, now: string): number {
  const live = (patientId: PatientId) =>
    db
      .select()
      .from(patientAllergies)
      .where(and(eq(patientAllergies.patientId, patientId), isNull(patientAllergies.deletedAt)))
      .all();
  const known = new Set(live(survivorId).map((row) => normalizeTerm(row.substance)));
  let taken = 0;
  for (const row of live(mergedId)) {
    if (known.has(normalizeTerm(row.substance))) continue;
    db.insert(patientAllergies).values({ ...row, id: newId(), patientId: survivorId, createdAt: now, updatedAt: now }).run();
    taken += 1;
  }
  return taken;
}

function copyMissingConditions(db: Db, survivorId: PatientId, mergedId: PatientId, now: string): void {
  const live = (patientId: PatientId) =>
    db
      .select()
      .from(patientConditions)
      .where(and(eq(patientConditions.patientId, patientId), isNull(patientConditions.deletedAt)))
      .all();
  const known = new Set(live(survivorId).map((row) => normalizeTerm(row.name)));
  for (const row of live(mergedId)) {
    if (known.has(normalizeTerm(row.name))) continue;
    db.insert(patientConditions).values({ ...row, id: newId(), patientId: survivorId, createdAt: now, updatedAt: now }).run();
  }
}
