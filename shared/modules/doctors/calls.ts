import { z } from 'zod';
import { doctorProfileInputSchema, exceptionKinds, scheduleExceptionInputSchema, weeklySessionSchema } from './schedule.ts';
import { localDateSchema } from '../../domain/fields.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';

export const doctorSchema = z.object({
  userId: z.string().brand<'UserId'>(),
  fullName: z.string(),
  /** Null until an administrator fills in the profile. */
  specialization: z.string().nullable(),
  registrationNumber: z.string(),
  visibility: z.enum(['PUBLIC', 'PRIVATE']),
  active: z.boolean(),
  /** Bookable: an active profile and an active account with the Doctor role here. */
  bookable: z.boolean(),
});
export type Doctor = z.infer<typeof doctorSchema>;

export const slotSchema = z.object({
  startAt: z.string(),
  endAt: z.string(),
  localDate: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  /** Whether it can be booked: nobody is booked in it and it has not begun. */
  free: z.boolean(),
  /** It has begun or is over: never offered, whether or not anyone was booked in it. */
  past: z.boolean(),
});

const exceptionSchema = z.object({
  id: z.string(),
  doctorUserId: z.string().nullable(),
  date: z.string(),
  kind: z.enum(exceptionKinds),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  slotMinutes: z.number().nullable(),
  reason: z.string(),
});

const storedSessionSchema = z.object({
  weekday: z.number(),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number(),
  breaks: z.array(z.object({ start: z.string(), end: z.string() })).readonly(),
});

const scheduleView = rolesAccess('ADMIN', 'STAFF', 'DOCTOR');
const scheduleEdit = rolesAccess('ADMIN', 'STAFF');
const doctorIdInput = z.uuid({ error: 'Choose a doctor' }).brand<'UserId'>();

export const doctorCalls = {
  'doctors.list': defineCall({
    access: rolesAccess('ADMIN', 'STAFF', 'DOCTOR', 'PHARMACIST'),
    effect: 'read',
    input: z.object({}).strict(),
    output: z.object({ doctors: z.array(doctorSchema) }),
  }),
  'doctors.saveProfile': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'write',
    input: doctorProfileInputSchema,
    output: doctorSchema,
  }),
  'schedules.get': defineCall({
    access: scheduleView,
    effect: 'read',
    input: z.object({ doctorUserId: doctorIdInput, fromDate: localDateSchema.optional() }).strict(),
    output: z.object({ sessions: z.array(storedSessionSchema), exceptions: z.array(exceptionSchema) }),
  }),
  /** Replaces the doctor's weekly sessions in this clinic. */
  'schedules.setWeekly': defineCall({
    access: scheduleEdit,
    effect: 'write',
    input: z.object({ doctorUserId: doctorIdInput, sessions: z.array(weeklySessionSchema).max(50) }).strict(),
    output: z.object({ sessions: z.array(storedSessionSchema) }),
  }),
  'schedules.addException': defineCall({
    access: scheduleEdit,
    effect: 'write',
    input: scheduleExceptionInputSchema,
    output: exceptionSchema,
  }),
  'schedules.removeException': defineCall({
    access: scheduleEdit,
    effect: 'write',
    input: z.object({ exceptionId: z.uuid() }).strict(),
    output: z.object({ removed: z.literal(true) }),
  }),
  'slots.list': defineCall({
    access: scheduleView,
    effect: 'read',
    input: z
      .object({ doctorUserId: doctorIdInput, fromDate: localDateSchema, toDate: localDateSchema })
      .strict()
      .refine((range) => range.toDate >= range.fromDate, { error: 'The end date is before the start date', path: ['toDate'] }),
    output: z.object({ slots: z.array(slotSchema), timeZone: z.string() }),
  }),
  /** The earliest free slot from now: of one doctor, or of any doctor of a specialization. */
  'slots.nextFree': defineCall({
    access: scheduleView,
    effect: 'read',
    input: z
      .object({ doctorUserId: doctorIdInput.optional(), specialization: z.string().trim().max(80).optional() })
      .strict()
      .refine((input) => (input.doctorUserId === undefined) !== (input.specialization === undefined), { error: 'Choose a doctor or a specialization', path: ['doctorUserId'] }),
    output: z.object({ found: z.object({ doctorUserId: z.string(), doctorName: z.string(), slot: slotSchema }).nullable() }),
  }),
};
