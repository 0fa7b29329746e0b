import { z } from 'zod';
import { localDateSchema, optionalText } from '../../domain/fields.ts';
import { queuePrioritySchema, queueStatuses } from './queue.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';

export const queueEntrySchema = z.object({
  id: z.string(),
  serviceDate: z.string(),
  token: z.string(),
  priority: queuePrioritySchema,
  status: z.enum(queueStatuses),
  patient: z.object({ id: z.string(), mrn: z.string(), givenName: z.string(), familyName: z.string() }),
  doctor: z.object({ userId: z.string(), fullName: z.string() }).nullable(),
  appointmentReference: z.string().nullable(),
  room: z.string(),
  arrivedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type QueueEntry = z.infer<typeof queueEntrySchema>;

/** What the waiting-room screen shows: tokens and rooms, never a patient's name. */
export const queueBoardSchema = z.object({
  clinicName: z.string(),
  called: z.array(z.object({ token: z.string(), room: z.string(), doctorName: z.string().nullable(), calledAt: z.string().nullable() })),
  waiting: z.array(z.object({ token: z.string(), priority: queuePrioritySchema })),
});
export type QueueBoard = z.infer<typeof queueBoardSchema>;

const frontDesk = rolesAccess('ADMIN', 'STAFF');
const consulting = rolesAccess('ADMIN', 'STAFF', 'DOCTOR');
const entryId = z.uuid();

export const queueCalls = {
  'queue.list': defineCall({
    access: consulting,
    effect: 'read',
    input: z.object({ date: localDateSchema.optional(), includeFinished: z.boolean().default(true) }).strict(),
    output: z.object({ date: z.string(), entries: z.array(queueEntrySchema) }),
  }),
  'queue.checkIn': defineCall({
    access: frontDesk,
    effect: 'write',
    input: z.object({ appointmentId: z.uuid(), priority: queuePrioritySchema.optional() }).strict(),
    output: queueEntrySchema,
  }),
  'queue.addWalkIn': defineCall({
    access: frontDesk,
    effect: 'write',
    input: z.object({ patientId: z.uuid({ error: 'Choose a patient' }).brand<'PatientId'>(), doctorUserId: z.uuid().brand<'UserId'>().nullable(), priority: queuePrioritySchema }).strict(),
    output: queueEntrySchema,
  }),
  'queue.call': defineCall({
    access: consulting,
    effect: 'write',
    input: z.object({ entryId, room: optionalText('Room', 40).refine((room) => room !== '', { error: 'Say which room to come to' }) }).strict(),
    output: queueEntrySchema,
  }),
  'queue.start': defineCall({ access: consulting, effect: 'write', input: z.object({ entryId }).strict(), output: queueEntrySchema }),
  'queue.finish': defineCall({ access: consulting, effect: 'write', input: z.object({ entryId }).strict(), output: queueEntrySchema }),
  /** Called but not there yet: back to waiting, keeping the place. */
  'queue.requeue': defineCall({ access: consulting, effect: 'write', input: z.object({ entryId }).strict(), output: queueEntrySchema }),
  'queue.markLeft': defineCall({ access: frontDesk, effect: 'write', input: z.object({ entryId }).strict(), output: queueEntrySchema }),
  'queue.setPriority': defineCall({ access: frontDesk, effect: 'write', input: z.object({ entryId, priority: queuePrioritySchema }).strict(), output: queueEntrySchema }),
  /** A link for the waiting-room screen; only its hash is stored, so it is shown once. */
  'display.createLink': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'write',
    input: z.object({}).strict(),
    output: z.object({ key: z.string(), path: z.string() }),
  }),
  'display.revokeLinks': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'write',
    input: z.object({}).strict(),
    output: z.object({ revoked: z.number() }),
  }),
};
