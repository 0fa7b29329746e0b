import { z } from 'zod';
import { isValidEndHhMm, isValidHhMm } from '../../scheduling/slots.ts';
import { localDateSchema, optionalText, requiredText } from '../../domain/fields.ts';

export const weekdayLabels = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const startTimeSchema = z.string({ error: 'Time is required' }).refine(isValidHhMm, { error: 'Use a time such as 09:00' });
export const endTimeSchema = z.string({ error: 'Time is required' }).refine(isValidEndHhMm, { error: 'Use a time such as 17:30 (or 24:00)' });

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const slotMinutesSchema = z
  .number({ error: 'Slot length must be a number of minutes' })
  .int({ error: 'Slot length must be whole minutes' })
  .min(5, { error: 'Slots must be at least 5 minutes' })
  .max(240, { error: 'Slots must be at most 240 minutes' });

export const weeklySessionSchema = z
  .object({
    weekday: z.number().int().min(1, { error: 'Choose a day' }).max(7, { error: 'Choose a day' }),
    startTime: startTimeSchema,
    endTime: endTimeSchema,
    slotMinutes: slotMinutesSchema,
    breaks: z
      .array(z.object({ start: startTimeSchema, end: endTimeSchema }).strict().refine((pause) => minutesOf(pause.end) > minutesOf(pause.start), { error: 'A break must end after it starts', path: ['end'] }))
      .max(10)
      .default([]),
  })
  .strict()
  .refine((session) => minutesOf(session.endTime) > minutesOf(session.startTime), { error: 'A session must end after it starts', path: ['endTime'] })
  .refine((session) => minutesOf(session.endTime) - minutesOf(session.startTime) >= session.slotMinutes, { error: 'The session is shorter than one slot', path: ['slotMinutes'] });
export type WeeklySessionInput = z.infer<typeof weeklySessionSchema>;

export const exceptionKinds = ['LEAVE', 'HOLIDAY', 'EXTRA'] as const;
export const exceptionKindLabels: Readonly<Record<(typeof exceptionKinds)[number], string>> = { LEAVE: 'Leave', HOLIDAY: 'Holiday', EXTRA: 'Extra session' };

export const scheduleExceptionInputSchema = z
  .object({
    /** Null for a clinic-wide holiday. */
    doctorUserId: z.uuid().brand<'UserId'>().nullable(),
    date: localDateSchema,
    kind: z.enum(exceptionKinds, { error: 'Choose leave, holiday or extra session' }),
    startTime: startTimeSchema.nullable().default(null),
    endTime: endTimeSchema.nullable().default(null),
    slotMinutes: slotMinutesSchema.nullable().default(null),
    reason: optionalText('Reason', 200),
  })
  .strict()
  .refine((exception) => (exception.startTime === null) === (exception.endTime === null), { error: 'Give both times, or neither for the whole day', path: ['endTime'] })
  .refine((exception) => exception.kind !== 'EXTRA' || (exception.startTime !== null && exception.slotMinutes !== null), { error: 'An extra session needs its times and slot length', path: ['startTime'] })
  .refine((exception) => exception.startTime === null || exception.endTime === null || minutesOf(exception.endTime) > minutesOf(exception.startTime), { error: 'It must end after it starts', path: ['endTime'] })
  .refine((exception) => exception.doctorUserId !== null || exception.kind === 'HOLIDAY', { error: 'Leave and extra sessions are for one doctor; only a holiday can be for the whole clinic', path: ['doctorUserId'] });

export const doctorProfileInputSchema = z
  .object({
    userId: z.uuid({ error: 'Choose a doctor' }).brand<'UserId'>(),
    specialization: requiredText('Specialization', 80),
    registrationNumber: optionalText('Registration number', 40),
    visibility: z.enum(['PUBLIC', 'PRIVATE'], { error: 'Choose public or private' }),
    active: z.boolean(),
  })
  .strict();
