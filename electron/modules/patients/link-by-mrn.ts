import type { ClinicId } from '#shared/domain/ids.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { PHONE_MATCH_DIGITS } from '#shared/modules/patients/patient.ts';
import type { Db } from '../../db/database.ts';
import { patients } from '../../db/schema/index.ts';
import { organizationOfClinic } from '../clinics/index.ts';
import { findPatient } from './patient-rows.ts';
import { reversedPhoneDigits } from './patient-values.ts';
import type { PatientRow } from './tables.ts';

/** What the person at the desk has of the patient: the record number and at least one more identifier. */
export type LinkRequest = {
  readonly mrn: string;
  readonly birthDate?: string | undefined;
  readonly phone?: string | undefined;
  /** The clinic the patient is to be added to. */
  readonly clinicId: ClinicId;
};

/** Fewer digits than this identify no one; a guess would do. */
const MIN_PHONE_DIGITS = 6;

/** The same line whatever prefix was typed: the last digits of both, or all of them for a short number. */
function sameLine(typed: string, row: PatientRow): boolean {
  const reversed = reversedPhoneDigits(typed);
  if (reversed.length < MIN_PHONE_DIGITS || row.phoneDigitsReversed.length < MIN_PHONE_DIGITS) return false;
  if (reversed.length >= PHONE_MATCH_DIGITS && row.phoneDigitsReversed.length >= PHONE_MATCH_DIGITS) {
    return reversed.slice(0, PHONE_MATCH_DIGITS) === row.phoneDigitsReversed.slice(0, PHONE_MATCH_DIGITS);
  }
  return reversed === row.phoneDigitsReversed;
}

/** Every identifier given must match; the request's schema makes sure one is. */
function identifiedBy(request: LinkRequest, row: PatientRow): boolean {
  if (request.birthDate !== undefined && row.birthDate !== request.birthDate) return false;
  if (request.phone !== undefined && request.phone !== '' && !sameLine(request.phone, row)) return false;
  return true;
}

/** The record the number names, and the one to link: itself, or its survivor when it was merged. */
export type LinkablePatient = { readonly presented: PatientRow; readonly target: PatientRow };

/**
 * The patient (the survivor, for a merged record) the record number and second identifier name,
 * when they are of the clinic's own organization; otherwise null, whichever check failed, so that
 * an unissued number, a wrong identifier and another organization's record look the same.
 */
export function findLinkablePatient(db: Db, request: LinkRequest): LinkablePatient | null {
  const presented = db
    .select()
    .from(patients)
    .where(and(eq(patients.mrn, request.mrn), isNull(patients.deletedAt)))
    .get();
  if (presented === undefined) return null;
  const target = presented.mergedIntoId === null ? presented : findPatient(db, presented.mergedIntoId);
  if (target === undefined) return null;
  const organization = organizationOfClinic(db, request.clinicId);
  if (organization === undefined || organizationOfClinic(db, target.registeredClinicId) !== organization) return null;
  // The survivor of a merge may hold the newer phone; either record's identifiers will do.
  return identifiedBy(request, presented) || identifiedBy(request, target) ? { presented, target } : null;
}
