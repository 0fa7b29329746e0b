import { z } from 'zod';
import { uuidSchema } from '../../domain/fields.ts';
import { roleSchema } from '../../domain/roles.ts';
import { newPasswordSchema, userProfileSchema } from './user.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';
import { newUserAccountSchema } from '../../api/calls/setup.ts';

export const userSummarySchema = z.object({
  id: z.string().brand<'UserId'>(),
  fullName: z.string(),
  username: z.string(),
  email: z.string(),
  phone: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Set while too many failed sign-ins keep the account locked on this workstation. */
  lockedUntil: z.string().nullable(),
  /** Roles in the clinics the caller administers, several in one clinic if held; other clinics are not disclosed. */
  memberships: z.array(z.object({ clinicId: z.string(), clinicCode: z.string(), clinicName: z.string(), roles: z.array(roleSchema).min(1) })),
  /**
   * Whether the caller may change the account itself (details, password, active, lockout): they
   * administer every clinic where it has a role. Otherwise they manage only its roles in their clinics.
   */
  canManageAccount: z.boolean(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

const userIdInput = { userId: uuidSchema.brand<'UserId'>() };
const roleInput = z.object({ ...userIdInput, clinicId: uuidSchema.brand<'ClinicId'>(), role: roleSchema }).strict();

export const userCalls = {
  'users.list': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'read',
    input: z.object({}).strict(),
    output: z.object({
      users: z.array(userSummarySchema),
      /** Clinics whose roles the caller may give and take. */
      manageableClinics: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    }),
  }),
  'users.create': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'write',
    input: newUserAccountSchema.extend({ role: roleSchema }).strict(),
    output: userSummarySchema,
  }),
  'users.update': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'write',
    input: userProfileSchema.extend(userIdInput).strict(),
    output: userSummarySchema,
  }),
  // One role at a time, given or taken, so a change touches that role alone: two administrators
  // changing different roles of one person, even apart, both keep their change.
  'users.grantRole': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'write',
    input: roleInput,
    output: userSummarySchema,
  }),
  'users.revokeRole': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'write',
    input: roleInput,
    output: userSummarySchema,
  }),
  'users.setActive': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'write',
    input: z.object({ ...userIdInput, active: z.boolean({ error: 'Active must be yes or no' }) }).strict(),
    output: userSummarySchema,
  }),
  'users.resetPassword': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'write',
    input: z.object({ ...userIdInput, newPassword: newPasswordSchema }).strict(),
    output: userSummarySchema,
  }),
};
