import type { ClinicId } from '#shared/domain/ids.ts';
import { and, desc, eq, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { formatProvisionalReference, referenceSeries, type ProvisionalParts } from '#shared/domain/reference-numbers.ts';
import type { PatientSearchResult } from '#shared/modules/patients/calls.ts';
import { PHONE_MATCH_DIGITS } from '#shared/modules/patients/patient.ts';
import type { Db } from '../../../db/database.ts';
import { limitSql, literalLimit } from '../../../db/literal-limit.ts';
import { prepared } from '../../../db/prepared.ts';
import { clinics, patients } from '../../../db/schema/index.ts';
import type { PatientRow } from '../tables.ts';
import { summariesOf, visibleInClinicSql } from '../patient-rows.ts';
import { reversedPhoneDigits } from '../patient-values.ts';
import { nameTerms } from './normalize.ts';
import { parseQuery } from './parse-query.ts';
import type { TermDictionary } from './term-dictionary.ts';

type MatchKind = PatientSearchResult['matchedBy'];
type Hit = { row: PatientRow; matchedBy: MatchKind; score: number };

/** How many name matches to rank: the newest ones, since ranking every match of "jo" costs too much. */
const NAME_CANDIDATES = 60;
/** Words shorter than this are too short for a typo to be told from another name. */
const TYPO_MIN_LENGTH = 4;

export type SearchRequest = { readonly clinicId: ClinicId; readonly query: string; readonly limit: number; readonly nowMs: number };

function live() {
  return and(isNull(patients.mergedIntoId), isNull(patients.deletedAt));
}

function byMrn(db: Db, clinicId: ClinicId, clinicCode: string | null, number: string): PatientRow[] {
  const codes = clinicCode !== null ? [clinicCode] : db.select({ code: clinics.code }).from(clinics).all().map((row) => row.code);
  const mrns = codes.map((code) => `${code}-M${number}`);
  if (mrns.length === 0) return [];
  return db.select().from(patients).where(and(inArray(patients.mrn, mrns), live(), visibleInClinicSql(clinicId))).all();
}

/** Patients registered under a provisional number: renamed since or not, a printed one still finds them. */
function byProvisionalMrn(db: Db, clinicId: ClinicId, parts: ProvisionalParts): PatientRow[] {
  const codes = parts.clinicCode !== null ? [parts.clinicCode] : db.select({ code: clinics.code }).from(clinics).all().map((row) => row.code);
  const numbers = codes.map((code) => formatProvisionalReference(code, referenceSeries.medicalRecord, parts.workstationNumber, parts.counter));
  if (numbers.length === 0) return [];
  return db.select().from(patients).where(and(inArray(patients.provisionalMrn, numbers), live(), visibleInClinicSql(clinicId))).all();
}

function byPhone(db: Db, clinicId: ClinicId, digits: string, limit: number): PatientRow[] {
  const key = reversedPhoneDigits(digits).slice(0, PHONE_MATCH_DIGITS);
  return db
    .select()
    .from(patients)
    .where(and(gte(patients.phoneDigitsReversed, key), lt(patients.phoneDigitsReversed, `${key}\u{10FFFF}`), ne(patients.phoneDigitsReversed, ''), live(), visibleInClinicSql(clinicId)))
    .limit(literalLimit(limit))
    .all();
}

function byNationalId(db: Db, clinicId: ClinicId, nationalId: string): PatientRow[] {
  return db
    .select()
    .from(patients)
    .where(and(eq(patients.nationalId, nationalId), ne(patients.nationalId, ''), live(), visibleInClinicSql(clinicId)))
    .limit(literalLimit(10))
    .all();
}

/**
 * Each group is one typed word: the word as a prefix, or (for typo tolerance) its near
 * neighbours. The newest matches come first: index rowids and UUIDv7 keys both follow
 * registration order. One prepared statement, since building a query costs more than running it.
 */
function byNameGroups(db: Db, clinicId: ClinicId, groups: readonly string[][]): PatientRow[] {
  const match = groups.map((group) => `(${group.join(' OR ')})`).join(' AND ');
  return prepared(db, 'patients.byName', (handle) =>
    handle
      .select()
      .from(patients)
      .where(
        and(
          inArray(
            patients.id,
            sql`(select k.patient_id from (select rowid as r from patient_name_fts where patient_name_fts match ${sql.placeholder('match')} order by rowid desc limit ${sql.raw(limitSql(NAME_CANDIDATES))}) c
                 join patient_search_keys k on k.search_rowid = c.r)`,
          ),
          live(),
          visibleInClinicSql(sql.placeholder('clinicId')),
        ),
      )
      .orderBy(desc(patients.id))
      .prepare(),
  ).all({ match, clinicId });
}

/** How well a name answers the typed words: a whole word beats the start of one. */
function nameScore(row: PatientRow, terms: readonly string[]): number {
  const words = nameTerms(`${row.givenName} ${row.familyName}`);
  return terms.reduce((score, term) => score + (words.includes(term) ? 2 : words.some((word) => word.startsWith(term)) ? 1 : 0), 0);
}

/**
 * Finds patients of a clinic as the front desk types: by any part of the name in any order
 * (forgiving one typo per word), by phone however it is written, by record number (a provisional
 * one too, after the patient was renamed) or national id.
 */
export function searchPatients(db: Db, dictionary: TermDictionary, request: SearchRequest): PatientSearchResult[] {
  const parsed = parseQuery(request.query);
  const hits = new Map<string, Hit>();
  const add = (rows: readonly PatientRow[], matchedBy: MatchKind, score: (row: PatientRow) => number): void => {
    for (const row of rows) if (!hits.has(row.id)) hits.set(row.id, { row, matchedBy, score: score(row) });
  };

  if (parsed.mrn !== null) add(byMrn(db, request.clinicId, parsed.mrn.clinicCode, parsed.mrn.number), 'mrn', () => 100);
  if (parsed.provisionalMrn !== null) add(byProvisionalMrn(db, request.clinicId, parsed.provisionalMrn), 'mrn', () => 100);
  if (parsed.nationalId !== null) add(byNationalId(db, request.clinicId, parsed.nationalId), 'nationalId', () => 90);
  if (parsed.phoneDigits !== null) add(byPhone(db, request.clinicId, parsed.phoneDigits, request.limit), 'phone', () => 80);

  if (parsed.terms.length > 0) {
    const prefixGroups = parsed.terms.map((term) => [`"${term}"*`]);
    add(byNameGroups(db, request.clinicId, prefixGroups), 'name', (row) => nameScore(row, parsed.terms));
    if (hits.size < request.limit) {
      const neighbours = parsed.terms.map((term) => (term.length >= TYPO_MIN_LENGTH ? dictionary.neighbours(db, term, request.nowMs) : []));
      const typoGroups = parsed.terms.map((term, index) => [`"${term}"*`, ...(neighbours[index] ?? []).map((neighbour) => `"${neighbour}"`)]);
      if (neighbours.some((list) => list.length > 0)) add(byNameGroups(db, request.clinicId, typoGroups), 'typo', (row) => nameScore(row, parsed.terms) - 0.5);
    }
  }

  // A stable sort: equal scores keep the order they were found in (newest registrations first).
  const ranked = [...hits.values()].sort((a, b) => b.score - a.score).slice(0, request.limit);
  const summaries = summariesOf(db, ranked.map((hit) => hit.row));
  return summaries.map((summary, index) => ({ ...summary, matchedBy: ranked[index]?.matchedBy ?? 'name' }));
}
