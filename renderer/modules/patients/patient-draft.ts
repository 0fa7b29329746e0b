import { phoneDigits } from '#shared/modules/patients/patient.ts';
import type { PatientFormValues } from './patient-form-values.ts';

/** A phone number has at least this many digits; fewer are more likely part of a record number. */
const PHONE_MIN_DIGITS = 6;

/**
 * What a search that found nobody already says about the new patient: a phone number, or a
 * name (the last word the family name, as the desk reads it off a card: "Zara Quinn").
 */
export function draftFromSearch(typed: string): Partial<PatientFormValues> {
  const text = typed.trim();
  if (!/\p{L}/u.test(text)) return phoneDigits(text).length >= PHONE_MIN_DIGITS ? { phone: text } : {};
  const words = text.split(/\s+/);
  if (words.length === 1) return { givenName: text };
  return { givenName: words.slice(0, -1).join(' '), familyName: words[words.length - 1] ?? '' };
}

/** The first field the desk still has to fill, where the form's focus starts. */
export function firstFieldToFill(values: PatientFormValues): 'givenName' | 'familyName' | 'sex' {
  if (values.givenName.trim() === '') return 'givenName';
  if (values.familyName.trim() === '') return 'familyName';
  return 'sex';
}
