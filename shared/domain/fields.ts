import { z } from 'zod';

// Reusable field rules. Every message is written for the person at the keyboard, because the
// same text reaches the screen whether the check fails in the form or in the core.

export function requiredText(label: string, max: number): z.ZodString {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be at most ${max} characters` });
}

export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` })
    .default('');
}

export const phoneSchema = z
  .string({ error: 'Phone must be text' })
  .trim()
  .max(32, { error: 'Phone must be at most 32 characters' })
  .refine((value) => value === '' || /^\+?[0-9 ().\-/]+$/.test(value), {
    error: 'Phone may contain only digits, spaces, +, -, ( and )',
  })
  .refine((value) => value === '' || value.replace(/\D/g, '').length >= 6, {
    error: 'Phone must have at least 6 digits',
  })
  .default('');

export const emailSchema = z
  .string({ error: 'Email must be text' })
  .trim()
  .max(254, { error: 'Email must be at most 254 characters' })
  .refine((value) => value === '' || z.email().safeParse(value).success, {
    error: 'Email is not a valid address (name@example.com)',
  })
  .default('');

export const uuidSchema = z.uuid({ error: 'Not a valid record id' });

export const isoDateTimeSchema = z.iso.datetime({ error: 'Not a valid date and time' });

/** A calendar date as the clinic writes it, YYYY-MM-DD, that exists. */
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const localDateSchema = z
  .string({ error: 'Date is required' })
  .refine(isRealDate, { error: 'Not a real date (use YYYY-MM-DD)' });
