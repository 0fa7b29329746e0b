import { z } from 'zod';
import { newPasswordSchema, passwordAttemptSchema } from '../../modules/users/user.ts';
import { defineCall, publicAccess, signedInAccess } from '../define.ts';
import { sessionViewSchema, signedInSchema } from './session.ts';

export const authCalls = {
  'auth.signIn': defineCall({
    access: publicAccess,
    effect: 'write',
    input: z
      .object({
        username: z
          .string({ error: 'Username is required' })
          .trim()
          .toLowerCase()
          .min(1, { error: 'Username is required' })
          .max(40, { error: 'Username must be at most 40 characters' }),
        password: passwordAttemptSchema,
      })
      .strict(),
    output: signedInSchema,
  }),
  'auth.session': defineCall({
    access: signedInAccess,
    beforePasswordChange: true,
    effect: 'read',
    whileLocked: true,
    input: z.object({}).strict(),
    output: sessionViewSchema,
  }),
  'auth.selectClinic': defineCall({
    access: signedInAccess,
    effect: 'write',
    input: z.object({ clinicId: z.string({ error: 'Choose a clinic' }).min(1, { error: 'Choose a clinic' }).brand<'ClinicId'>() }).strict(),
    output: sessionViewSchema,
  }),
  /** The screen reports that a person is active, so the core's idle lock matches what they see. */
  'auth.touch': defineCall({
    access: signedInAccess,
    beforePasswordChange: true,
    effect: 'read',
    input: z.object({}).strict(),
    output: z.object({ locked: z.boolean() }),
  }),
  'auth.lock': defineCall({
    access: signedInAccess,
    beforePasswordChange: true,
    effect: 'read',
    whileLocked: true,
    input: z.object({}).strict(),
    output: sessionViewSchema,
  }),
  'auth.unlock': defineCall({
    access: signedInAccess,
    beforePasswordChange: true,
    effect: 'write',
    whileLocked: true,
    input: z.object({ password: passwordAttemptSchema }).strict(),
    output: sessionViewSchema,
  }),
  'auth.changePassword': defineCall({
    access: signedInAccess,
    beforePasswordChange: true,
    effect: 'write',
    input: z.object({ currentPassword: passwordAttemptSchema, newPassword: newPasswordSchema }).strict(),
    output: sessionViewSchema,
  }),
  'auth.signOut': defineCall({
    access: signedInAccess,
    beforePasswordChange: true,
    effect: 'write',
    whileLocked: true,
    input: z.object({}).strict(),
    output: z.object({ signedOut: z.literal(true) }),
  }),
};
