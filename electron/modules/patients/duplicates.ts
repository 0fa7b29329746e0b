import type { ClinicId } from '#shared/domain/ids.ts';
import { and, eq, gte, isNull, lt, ne, sql } from 'drizzle-orm';
import { PHONE_MATCH_DIGITS, phoneDigits, type DuplicateReason } from '#shared/modules/patients/patient.ts';
import type { Db } from '../../db/database.ts';
import { literalLimit } from '../../db/literal-limit.ts';
import { prepared } from '../../db/prepared.ts';
import { patients } from '../../db/schema/index.ts';
import type { PatientRow } from './tables.ts';
import { organizationOfClinic } from '../clinics/index.ts';
import { isVisibleIn } from './patient-rows.ts';
import { reversedPhoneDigits } from './patient-values.ts';
import { editDistance, nameTerms } from './search/normalize.ts';

export type DuplicateProbe = { givenName: string; familyName: string; birthDate: string | null; phone: string; nationalId?: string; excludePatientId?: string | undefined };
export type DuplicateCandidate = { row: PatientRow; reasons: DuplicateReason[] };

const MIN_PHONE_DIGITS = 6;
const CANDIDATES_MAX = 10;

function similarWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a))) return true;
  return editDistance(a, b, 2) <= (Math.min(a.length, b.length) >= 5 ? 2 : 1);
}

type PersonName = { givenName: string; familyName: string };
/** A name's given and family parts as compared: normalized words. */
type ComparedName = { readonly given: string; readonly family: string };

function comparedName(name: PersonName): ComparedName {
  return { given: nameTerms(name.givenName).join(' '), family: nameTerms(name.familyName).join(' ') };
}

function similarCompared(a: ComparedName, b: ComparedName): boolean {
  if (a.given === '' || a.family === '') return false;
  return (similarWord(a.given, b.given) && similarWord(a.family, b.family)) || (similarWord(a.given, b.family) && similarWord(a.family, b.given));
}

/** Names are similar when each part resembles the other's, in either order (given and family swapped). */
export function similarNames(a: PersonName, b: PersonName): boolean {
  return similarCompared(comparedName(a), comparedName(b));
}

function prepareLookups(db: Db) {
  // The phone and national id indexes hold only rows where those are not empty; SQLite uses them
  // only when the query says so in plain SQL (a bound '' would leave it scanning every patient).
  const live = and(isNull(patients.mergedIntoId), isNull(patients.deletedAt), ne(patients.id, sql.placeholder('excluded')));
  return {
    byPhone: db
      .select()
      .from(patients)
      .where(and(gte(patients.phoneDigitsReversed, sql.placeholder('from')), lt(patients.phoneDigitsReversed, sql.placeholder('to')), sql`${patients.phoneDigitsReversed} <> ''`, live))
      .limit(literalLimit(CANDIDATES_MAX))
      .prepare(),
    byNationalId: db
      .select()
      .from(patients)
      .where(and(eq(patients.nationalId, sql.placeholder('nationalId')), sql`${patients.nationalId} <> ''`, live))
      .limit(literalLimit(CANDIDATES_MAX))
      .prepare(),
    // Only the names of those born that day: most differ, and only the similar ones are read whole.
    byBirthDate: db
      .select({ id: patients.id, givenName: patients.givenName, familyName: patients.familyName })
      .from(patients)
      .where(and(eq(patients.birthDate, sql.placeholder('birthDate')), live))
      .limit(literalLimit(500))
      .prepare(),
    byId: db
      .select()
      .from(patients)
      .where(eq(patients.id, sql.placeholder('id')))
      .prepare(),
  };
}

/**
 * The three lookups, prepared once per database: a workstation checks every registration, and
 * every patient another workstation registered, so building the SQL each time would dominate.
 */
const lookupsFor = (db: Db): ReturnType<typeof prepareLookups> => prepared(db, 'patients.duplicates', prepareLookups);

/**
 * People who may be the one being registered: the same phone line, the same national id, or a
 * similar name with the same date of birth. Those of the organization's other clinics are
 * counted, not shown; those of other organizations are left out.
 */
export function findDuplicates(db: Db, probe: DuplicateProbe, clinicId: ClinicId): { visible: DuplicateCandidate[]; elsewhere: number } {
  const found = new Map<string, DuplicateCandidate>();
  const add = (row: PatientRow, reason: DuplicateReason): void => {
    const known = found.get(row.id);
    if (known === undefined) found.set(row.id, { row, reasons: [reason] });
    else if (!known.reasons.includes(reason)) known.reasons.push(reason);
  };

  const lookups = lookupsFor(db);
  // No patient has an empty id, so '' excludes nobody.
  const excluded = probe.excludePatientId ?? '';
  const digits = phoneDigits(probe.phone);
  if (digits.length >= MIN_PHONE_DIGITS) {
    const key = reversedPhoneDigits(digits).slice(0, PHONE_MATCH_DIGITS);
    for (const row of lookups.byPhone.all({ from: key, to: `${key}\u{10FFFF}`, excluded })) {
      add(row, 'phone');
    }
  }
  const nationalId = probe.nationalId?.trim() ?? '';
  if (nationalId !== '') {
    for (const row of lookups.byNationalId.all({ nationalId, excluded })) {
      add(row, 'nationalId');
    }
  }
  if (probe.birthDate !== null && probe.givenName.trim() !== '' && probe.familyName.trim() !== '') {
    // The probe's name is normalized once, not again for each person born that day.
    const probeName = comparedName(probe);
    for (const names of lookups.byBirthDate.all({ birthDate: probe.birthDate, excluded })) {
      if (!similarCompared(probeName, comparedName(names))) continue;
      const row = found.get(names.id)?.row ?? lookups.byId.get({ id: names.id });
      if (row !== undefined) add(row, 'nameAndBirthDate');
    }
  }

  const visible: DuplicateCandidate[] = [];
  let elsewhere = 0;
  // Another organization's patients are not even counted: a count would tell that a phone or a name is theirs.
  const organization = organizationOfClinic(db, clinicId);
  for (const candidate of found.values()) {
    if (isVisibleIn(db, candidate.row, clinicId)) visible.push(candidate);
    else if (organizationOfClinic(db, candidate.row.registeredClinicId) === organization) elsewhere += 1;
  }
  return { visible: visible.slice(0, CANDIDATES_MAX), elsewhere };
}
