import { z } from 'zod';
import { emailSchema, optionalText, phoneSchema, requiredText, localDateSchema } from '../../domain/fields.ts';

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


/** Either a date of birth or, when nobody knows it, an estimated age in years. */
export const birthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: localDateSchema }).strict(),
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
    allergies: z.array(allergyInputSchema).max(50, { error: 'At most 50 allergies' }).default([]),
    conditions: z.array(conditionInputSchema).max(50, { error: 'At most 50 chronic conditions' }).default([]),
  })
  .strict();
export type PatientDetails = z.infer<typeof patientDetailsSchema>;

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
