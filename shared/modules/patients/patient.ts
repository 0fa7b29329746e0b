import { z } from 'zod';
import { emailSchema, optionalText, phoneSchema, requiredText, localDateSchema } from '../../domain/fields.ts';
import { allergyStatusProblem, allergyStatusSchema } from './allergy-status.ts';

export const sexes = ['MALE', 'FEMALE', 'OTHER'] as const;
export const sexSchema = z.enum(sexes, { error: 'Choose male, female or other' });
export type Sex = z.infer<typeof sexSchema>;
export const sexLabels: Readonly<Record<Sex, string>> = { MALE: 'Male', FEMALE: 'Female', OTHER: 'Other' };

export const allergySeverities = ['MILD', 'MODERATE', 'SEVERE', 'UNKNOWN'] as const;
export const allergySeveritySchema = z.enum(allergySeverities, { error: 'Choose how severe the reaction is' });
export type AllergySeverity = z.infer<typeof allergySeveritySchema>;
export const allergySeverityLabels: Readonly<Record<AllergySeverity, string>> = {
  MILD: 'Mild',
  MODERATE: 'Moderate',
  SEVERE: 'Severe',
  UNKNOWN: 'Not known',
};

/** Why a registered patient may be the person being registered. */
export const duplicateReasons = ['phone', 'nameAndBirthDate', 'nationalId'] as const;
export const duplicateReasonSchema = z.enum(duplicateReasons);
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

export const MAX_AGE_YEARS = 130;

const BIRTH_DATE_REQUIRED = 'Date of birth is required';
const birthDateSchema = z.string({ error: BIRTH_DATE_REQUIRED }).trim().min(1, { error: BIRTH_DATE_REQUIRED }).pipe(localDateSchema);

/** Either a date of birth or, when nobody knows it, an estimated age in years. */
export const birthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: birthDateSchema }).strict(),
  z
    .object({
      kind: z.literal('estimatedAge'),
      years: z
        .number({ error: 'Age must be a number of years' })
        .int({ error: 'Age must be a whole number of years' })
        .min(0, { error: 'Age cannot be negative' })
        .max(MAX_AGE_YEARS, { error: `Age must be at most ${MAX_AGE_YEARS} years` }),
    })
    .strict(),
]);
export type BirthInput = z.infer<typeof birthSchema>;

export const allergyInputSchema = z
  .object({
    substance: requiredText('Allergy substance', 120),
    reaction: optionalText('Reaction', 200),
    severity: allergySeveritySchema,
  })
  .strict();

export const conditionInputSchema = z
  .object({
    name: requiredText('Condition', 160),
    notes: optionalText('Condition notes', 500),
  })
  .strict();

/** What the front desk types when registering or editing a patient. */
export const patientDetailsSchema = z
  .object({
    givenName: requiredText('Given name', 80),
    familyName: requiredText('Family name', 80),
    sex: sexSchema,
    birth: birthSchema,
    phone: phoneSchema,
    email: emailSchema,
    address: optionalText('Address', 300),
    postalCode: optionalText('Postal code', 20),
    nationalId: optionalText('National id or external reference', 64),
    emergencyContactName: optionalText('Emergency contact name', 120),
    emergencyContactPhone: phoneSchema,
    notes: optionalText('Notes', 2000),
    /** Left out by older callers: then it follows the list (see allergyStatusOf). */
    allergyStatus: allergyStatusSchema.optional(),
    allergies: z.array(allergyInputSchema).max(50, { error: 'At most 50 allergies' }).default([]),
    conditions: z.array(conditionInputSchema).max(50, { error: 'At most 50 chronic conditions' }).default([]),
  })
  .strict();
export type PatientDetails = z.infer<typeof patientDetailsSchema>;

/** Why a date of birth cannot be right on the clinic's date `today` (both YYYY-MM-DD); null when it can. */
export function birthDateProblem(birthDate: string, today: string): string | null {
  if (birthDate > today) return 'Date of birth cannot be in the future';
  if (ageInYears(birthDate, today) > MAX_AGE_YEARS) return `Date of birth must be within the last ${MAX_AGE_YEARS} years`;
  return null;
}

export type PatientRuleIssue = { readonly path: readonly string[]; readonly message: string };

/**
 * The rules that need more than one field or the clinic's date, checked by the core on every
 * registration and edit and by the form before sending: a birth date in the past, and an allergy
 * status that agrees with the list.
 */
export function patientRuleIssues(details: Pick<PatientDetails, 'birth' | 'allergyStatus' | 'allergies'>, today: string): PatientRuleIssue[] {
  const issues: PatientRuleIssue[] = [];
  const birthProblem = details.birth.kind === 'date' ? birthDateProblem(details.birth.date, today) : null;
  if (birthProblem !== null) issues.push({ path: ['birth', 'date'], message: birthProblem });
  const allergyProblem = allergyStatusProblem(details);
  if (allergyProblem !== null) issues.push({ path: ['allergyStatus'], message: allergyProblem });
  return issues;
}

/** The patient's values as the clinic's date `today` accepts them: the schema plus the rules above. */
export function patientValuesOn(today: string) {
  return patientDetailsSchema.superRefine((details, ctx) => {
    for (const issue of patientRuleIssues(details, today)) ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  });
}

/** Digits of a phone number, whatever the formatting: "+44 (0)117-496 0000" → "4401174960000". */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * The part of a number that identifies a line whatever prefix was typed: the last nine digits
 * (a national number without its trunk 0 or country code, in most countries).
 */
export const PHONE_MATCH_DIGITS = 9;

export function ageInYears(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  if (by === undefined || bm === undefined || bd === undefined || ty === undefined || tm === undefined || td === undefined) return 0;
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
