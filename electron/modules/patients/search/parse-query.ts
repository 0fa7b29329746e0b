import { parseProvisionalReference, referenceSeries, type ProvisionalParts } from '#shared/domain/reference-numbers.ts';
import { phoneDigits } from '#shared/modules/patients/patient.ts';
import { nameTerms } from './normalize.ts';

export type ParsedQuery = {
  /** Normalized words, when the query has letters. */
  readonly terms: string[];
  /** The digits, when the query looks like a phone number. */
  readonly phoneDigits: string | null;
  /** A record number: the clinic code when typed, and the number. */
  readonly mrn: { readonly clinicCode: string | null; readonly number: string } | null;
  /** A provisional record number (RFC01-M-PROV3-15), the clinic code when typed. */
  readonly provisionalMrn: ProvisionalParts | null;
  /** The query as typed, for an exact national id match. */
  readonly nationalId: string | null;
};

const MRN = /^(?:([A-Z]{3}\d{2})[\s-]*)?M[\s-]*(\d{1,9})$/i;
const NUMBER_ONLY = /^\d{1,9}$/;
const PHONE_LIKE = /^[\d\s()+.\-/]+$/;

/** Reads what the person typed: a name, a phone number, a record number (leased or provisional) or a national id. */
export function parseQuery(query: string): ParsedQuery {
  const text = query.trim();
  const mrnMatch = MRN.exec(text.replace(/\s+/g, ''));
  const compact = text.replace(/\s+/g, '');
  const mrn = mrnMatch?.[2] !== undefined ? { clinicCode: mrnMatch[1]?.toUpperCase() ?? null, number: String(Number(mrnMatch[2])) } : NUMBER_ONLY.test(compact) ? { clinicCode: null, number: String(Number(compact)) } : null;
  const digits = phoneDigits(text);
  const isPhone = PHONE_LIKE.test(text) && digits.length >= 4;
  const hasLetters = /\p{L}/u.test(text);
  const provisional = parseProvisionalReference(text);
  return {
    terms: hasLetters ? nameTerms(text) : [],
    phoneDigits: isPhone ? digits : null,
    mrn,
    provisionalMrn: provisional?.series === referenceSeries.medicalRecord ? provisional : null,
    nationalId: compact.length >= 4 && /^[\p{L}\p{N}-]+$/u.test(compact) ? compact : null,
  };
}
