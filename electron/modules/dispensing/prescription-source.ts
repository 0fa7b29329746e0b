import type { ClinicId, PatientId } from '#shared/domain/ids.ts';
import { conflictError, notFoundError } from '#shared/api/errors.ts';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { prescriptions, provisionalReferences } from '../../db/schema/index.ts';
import { findPatient, isVisibleIn, mergeSetOf } from '../patients/index.ts';
import type { PrescriptionRow } from '../prescriptions/index.ts';

// Which prescription the counter is dispensing, and whose it is. A prescription of a patient this
// clinic cannot see answers exactly as one that does not exist: the reference of another clinic
// or organization says nothing.

type PatientRow = NonNullable<ReturnType<typeof findPatient>>;

const NOT_HERE = 'No signed prescription with that reference at this clinic.';

export type PrescriptionAtCounter = { readonly row: PrescriptionRow; readonly patient: PatientRow; readonly patientIds: readonly PatientId[] };

/** A reference as printed under the QR code, typed with spaces or in lower case, or scanned. */
export function normalizedReference(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

/** The record a merged record now lives in. */
function survivorOf(db: Db, patientId: PatientId): PatientRow | undefined {
  let patient = findPatient(db, patientId);
  for (let hops = 0; patient?.mergedIntoId != null && hops < 10; hops += 1) patient = findPatient(db, patient.mergedIntoId);
  return patient;
}

function atCounter(db: Db, clinicId: ClinicId, row: PrescriptionRow | undefined): PrescriptionAtCounter {
  const patient = row === undefined ? undefined : survivorOf(db, row.patientId);
  if (row === undefined || patient === undefined || !isVisibleIn(db, patient, clinicId)) throw notFoundError(NOT_HERE);
  if (row.status !== 'SIGNED') throw conflictError('This prescription is not signed yet: the doctor signs it with the consultation.');
  return { row, patient, patientIds: mergeSetOf(db, patient.id) };
}

/** A signed prescription by its reference, or by the provisional one it was printed with offline. */
export function prescriptionByReference(db: Db, clinicId: ClinicId, reference: string): PrescriptionAtCounter {
  const typed = normalizedReference(reference);
  const renamed = sql`(select ${provisionalReferences.renamedTo} from ${provisionalReferences} where ${provisionalReferences.reference} = ${typed})`;
  const row = db.select().from(prescriptions).where(and(or(eq(prescriptions.reference, typed), eq(prescriptions.reference, renamed)), isNull(prescriptions.deletedAt))).get();
  return atCounter(db, clinicId, row);
}

export function prescriptionById(db: Db, clinicId: ClinicId, prescriptionId: string): PrescriptionAtCounter {
  const row = db.select().from(prescriptions).where(and(eq(prescriptions.id, prescriptionId), isNull(prescriptions.deletedAt))).get();
  return atCounter(db, clinicId, row);
}

/**
 * The wrong-patient guard: the pharmacist has checked who stands at the counter, and a
 * prescription of anyone else is stopped before anything of it is shown or handed over.
 */
export function requireCounterPatient(db: Db, prescription: PrescriptionAtCounter, counterPatientId: PatientId | null): void {
  if (counterPatientId === null) return;
  const counter = survivorOf(db, counterPatientId);
  if (counter !== undefined && counter.id === prescription.patient.id) return;
  throw conflictError('This prescription is for another patient than the one at the counter. Check the name and date of birth, or start again with this patient.', 'counterPatientId');
}
