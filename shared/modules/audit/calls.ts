import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../../domain/fields.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';

export const auditOutcomes = ['SUCCESS', 'FAILURE', 'DENIED'] as const;
export const auditOutcomeSchema = z.enum(auditOutcomes);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  /** The name typed at a failed sign-in, when it matched no account. */
  attemptedUsername: z.string().nullable(),
  clinicId: z.string().nullable(),
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  outcome: auditOutcomeSchema,
  detail: z.record(z.string(), z.unknown()).nullable(),
  /** The patient the entry is about (directly, or through their appointment or queue entry). */
  patient: z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), mrn: z.string() }).nullable(),
  /** The person an entry about an account (a user, a doctor's profile) is about. */
  subjectName: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const AUDIT_PAGE_MAX = 500;

export const auditCalls = {
  'audit.list': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'read',
    input: z
      .object({
        from: isoDateTimeSchema.optional(),
        to: isoDateTimeSchema.optional(),
        userId: uuidSchema.brand<'UserId'>().optional(),
        action: z.string().trim().max(80, { error: 'Action must be at most 80 characters' }).optional(),
        entityId: z.string().trim().max(80, { error: 'Record id must be at most 80 characters' }).optional(),
        /** Entries about this patient: their record, appointments and queue entries. */
        patientId: uuidSchema.brand<'PatientId'>().optional(),
        outcome: auditOutcomeSchema.optional(),
        limit: z
          .number({ error: 'Limit must be a number' })
          .int()
          .min(1)
          .max(AUDIT_PAGE_MAX, { error: `At most ${AUDIT_PAGE_MAX} entries per page` })
          .default(100),
        /** The id of the last entry of the previous page. */
        before: z.string().max(80).optional(),
      })
      .strict(),
    output: z.object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() }),
  }),
};
