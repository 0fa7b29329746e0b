import { z } from 'zod';
import { appointmentStatuses, appointmentTypeSchema } from './appointment.ts';
import { localDateSchema, optionalText, requiredText } from '../../domain/fields.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';

export const appointmentSchema = z.object({
  id: z.string(),
  reference: z.string(),
  patient: z.object({ id: z.string(), mrn: z.string(), givenName: z.string(), familyName: z.string() }),
  doctor: z.object({ userId: z.string().brand<'UserId'>(), fullName: z.string() }),
  startAt: z.string(),
  endAt: z.string(),
  type: appointmentTypeSchema,
  reason: z.string(),
  notes: z.string(),
  status: z.enum(appointmentStatuses),
  cancelReason: z.string(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

const instant = z.iso.datetime({ error: 'Choose a time slot' });
const frontDesk = rolesAccess('ADMIN', 'STAFF');
const viewers = rolesAccess('ADMIN', 'STAFF', 'DOCTOR');

export const appointmentCalls = {
  'appointments.list': defineCall({
    access: viewers,
    effect: 'read',
    input: z
      .object({ fromDate: localDateSchema, toDate: localDateSchema, doctorUserId: z.uuid().brand<'UserId'>().optional(), patientId: z.uuid().brand<'PatientId'>().optional() })
      .strict()
      .refine((range) => range.toDate >= range.fromDate, { error: 'The end date is before the start date', path: ['toDate'] }),
    output: z.object({ appointments: z.array(appointmentSchema) }),
  }),
  /** A patient's appointments, upcoming and past, under a merged record too. */
  'appointments.ofPatient': defineCall({
    access: viewers,
    effect: 'read',
    input: z.object({ patientId: z.uuid().brand<'PatientId'>() }).strict(),
    output: z.object({ appointments: z.array(appointmentSchema) }),
  }),
  'appointments.book': defineCall({
    access: frontDesk,
    effect: 'write',
    input: z
      .object({
        patientId: z.uuid({ error: 'Choose a patient' }).brand<'PatientId'>(),
        doctorUserId: z.uuid({ error: 'Choose a doctor' }).brand<'UserId'>(),
        startAt: instant,
        type: appointmentTypeSchema,
        reason: optionalText('Reason', 300),
        notes: optionalText('Notes', 1000),
      })
      .strict(),
    output: appointmentSchema,
  }),
  'appointments.reschedule': defineCall({
    access: frontDesk,
    effect: 'write',
    input: z.object({ appointmentId: z.uuid(), startAt: instant, doctorUserId: z.uuid().brand<'UserId'>().optional() }).strict(),
    output: appointmentSchema,
  }),
  'appointments.cancel': defineCall({
    access: frontDesk,
    effect: 'write',
    input: z.object({ appointmentId: z.uuid(), reason: requiredText('Reason for cancelling', 300) }).strict(),
    output: appointmentSchema,
  }),
  /** Every appointment of a past day still waiting for its patient becomes a no-show, in one action. */
  'appointments.markNoShows': defineCall({
    access: frontDesk,
    effect: 'write',
    input: z.object({ date: localDateSchema }).strict(),
    output: z.object({ marked: z.number() }),
  }),
  'appointments.history': defineCall({
    access: viewers,
    effect: 'read',
    input: z.object({ appointmentId: z.uuid() }).strict(),
    output: z.object({
      events: z.array(z.object({ at: z.string(), kind: z.string(), userName: z.string().nullable(), fromStartAt: z.string().nullable(), toStartAt: z.string().nullable(), note: z.string() })),
    }),
  }),
};
