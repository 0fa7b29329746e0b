import { z } from 'zod';
import { clinicStatusSchema } from '../../modules/clinics/clinic.ts';
import { roleSchema } from '../../domain/roles.ts';

export const membershipViewSchema = z.object({
  clinicId: z.string(),
  clinicCode: z.string(),
  clinicName: z.string(),
  clinicStatus: clinicStatusSchema,
  /** Every live role the person holds in the clinic; what they may do there is their union. */
  roles: z.array(roleSchema).min(1),
});
export type MembershipView = z.infer<typeof membershipViewSchema>;

export const sessionViewSchema = z.object({
  user: z.object({
    id: z.string(),
    fullName: z.string(),
    username: z.string(),
    mustChangePassword: z.boolean(),
  }),
  memberships: z.array(membershipViewSchema),
  activeClinic: z
    .object({
      clinicId: z.string(),
      code: z.string(),
      name: z.string(),
      roles: z.array(roleSchema).min(1),
      timeZone: z.string(),
      /** The locale its dates and times are written in (shared/domain/clinic-locale.ts). */
      locale: z.string(),
      currency: z.string(),
    })
    .nullable(),
  idleLockMinutes: z.number(),
  locked: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** The token is for the web transport; the Electron transport keeps it in the main process. */
export const signedInSchema = sessionViewSchema.extend({ token: z.string().optional() });
export type SignedIn = z.infer<typeof signedInSchema>;
