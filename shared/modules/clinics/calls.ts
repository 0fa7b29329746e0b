import { z } from 'zod';
import { clinicDetailsSchema, clinicSchema, clinicStatusSchema, idleLockMinutesSchema } from './clinic.ts';
import { roles } from '../../domain/roles.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';

export const clinicCalls = {
  'clinic.get': defineCall({
    access: rolesAccess(...roles),
    effect: 'read',
    input: z.object({}).strict(),
    output: clinicSchema,
  }),
  'clinic.update': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'write',
    input: clinicDetailsSchema
      .extend({ status: clinicStatusSchema, idleLockMinutes: idleLockMinutesSchema })
      .strict(),
    output: clinicSchema,
  }),
};
