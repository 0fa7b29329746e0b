import { z } from 'zod';
import { clinicCodeSchema, clinicDetailsSchema } from '../../modules/clinics/clinic.ts';
import { newPasswordSchema, userProfileSchema, usernameSchema } from '../../modules/users/user.ts';
import { defineCall, publicAccess } from '../define.ts';
import { signedInSchema } from './session.ts';

export const newUserAccountSchema = userProfileSchema.extend({
  username: usernameSchema,
  password: newPasswordSchema,
});

export const setupCalls = {
  /** First run only: creates the clinic and its first administrator, then signs them in. */
  'setup.createClinic': defineCall({
    access: publicAccess,
    effect: 'write',
    input: z
      .object({
        clinic: clinicDetailsSchema.extend({ code: clinicCodeSchema }).strict(),
        admin: newUserAccountSchema.strict(),
      })
      .strict(),
    output: signedInSchema,
  }),
};
