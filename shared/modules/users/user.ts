import { z } from 'zod';
import { emailSchema, phoneSchema, requiredText } from '../../domain/fields.ts';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export const usernameSchema = z
  .string({ error: 'Username is required' })
  .trim()
  .toLowerCase()
  .min(3, { error: 'Username must be at least 3 characters' })
  .max(40, { error: 'Username must be at most 40 characters' })
  .regex(/^[a-z0-9][a-z0-9._-]*$/, {
    error: 'Username may use letters, digits, dot, dash and underscore, and must start with a letter or digit',
  });

export const newPasswordSchema = z
  .string({ error: 'Password is required' })
  .min(PASSWORD_MIN_LENGTH, { error: `Password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { error: `Password must be at most ${PASSWORD_MAX_LENGTH} characters` });

/** A password being checked, not chosen: any length rule would only leak the policy. */
export const passwordAttemptSchema = z
  .string({ error: 'Password is required' })
  .min(1, { error: 'Password is required' })
  .max(PASSWORD_MAX_LENGTH, { error: `Password must be at most ${PASSWORD_MAX_LENGTH} characters` });

export const userProfileSchema = z.object({
  fullName: requiredText('Full name', 120),
  email: emailSchema,
  phone: phoneSchema,
});
export type UserProfile = z.infer<typeof userProfileSchema>;
