import { z } from 'zod';
import { isCountryCode } from '../../reference/countries.ts';
import { optionalText, phoneSchema, requiredText } from '../../domain/fields.ts';

export const clinicStatuses = ['ACTIVE', 'INACTIVE', 'SUSPENDED'] as const;
export const clinicStatusSchema = z.enum(clinicStatuses, { error: 'Status must be Active, Inactive or Suspended' });
export type ClinicStatus = z.infer<typeof clinicStatusSchema>;
export const clinicStatusLabels: Readonly<Record<ClinicStatus, string>> = {
  ACTIVE: 'Active',
  INACTIVE: 'Inactive',
  SUSPENDED: 'Suspended',
};

export const CLINIC_CODE_PATTERN = /^[A-Z]{3}[0-9]{2}$/;

export const clinicCodeSchema = z
  .string({ error: 'Clinic code is required' })
  .trim()
  .toUpperCase()
  .regex(CLINIC_CODE_PATTERN, { error: 'Clinic code must be three letters and two digits, such as ABC01' });

function isSupportedTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string({ error: 'Time zone is required' })
  .trim()
  .min(1, { error: 'Time zone is required' })
  .refine(isSupportedTimeZone, { error: 'Time zone is not known; pick one such as Europe/London' });

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));
export const currencySchema = z
  .string({ error: 'Currency is required' })
  .trim()
  .toUpperCase()
  .refine((code) => knownCurrencies.has(code), { error: 'Currency must be a three-letter ISO code such as EUR or INR' });

export const countrySchema = z
  .string({ error: 'Country is required' })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { error: 'Country must be chosen from the list' });

export const IDLE_LOCK_MINUTES_DEFAULT = 15;
export const idleLockMinutesSchema = z
  .number({ error: 'Screen lock must be a number of minutes' })
  .int({ error: 'Screen lock must be a whole number of minutes' })
  .min(1, { error: 'Screen lock must be at least 1 minute' })
  .max(240, { error: 'Screen lock must be at most 240 minutes' });

/** The editable details of a clinic; the code is fixed once references carry it. */
export const clinicDetailsSchema = z.object({
  name: requiredText('Clinic name', 120),
  country: countrySchema,
  state: optionalText('State', 80),
  city: requiredText('City', 80),
  address: optionalText('Address', 300),
  phone: phoneSchema,
  currency: currencySchema,
  timeZone: timeZoneSchema,
});
export type ClinicDetails = z.infer<typeof clinicDetailsSchema>;

/** A stored clinic as calls return it: its shape only, the rules having run when it was written. */
export const clinicSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  country: z.string(),
  state: z.string(),
  city: z.string(),
  address: z.string(),
  phone: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  status: clinicStatusSchema,
  idleLockMinutes: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Clinic = z.infer<typeof clinicSchema>;
