import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { appointmentStatuses, appointmentTypes } from '#shared/modules/appointments/appointment.ts';
import { check, index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clinics } from '../clinics/tables.ts';
import { syncClockColumn, syncedRowColumns } from '../../db/schema/columns.ts';
import { patients } from '../patients/tables.ts';
import { users } from '../users/tables.ts';


export const appointments = sqliteTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    /** ABC01-A1234: clinic code, series letter, a number from this workstation's leased block. */
    reference: text('reference').notNull().unique(),
    /** The provisional reference it was booked under offline with no leased number left (see patients.provisional_mrn); null for most. */
    provisionalReference: text('provisional_reference'),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    doctorUserId: text('doctor_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    /** UTC instants; the clinic's zone turns them into what the screens show. */
    startAt: text('start_at').notNull(),
    endAt: text('end_at').notNull(),
    type: text('type', { enum: appointmentTypes }).notNull(),
    reason: text('reason').notNull().default(''),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: appointmentStatuses }).notNull().default('SCHEDULED'),
    cancelReason: text('cancel_reason').notNull().default(''),
    bookedByUserId: text('booked_by_user_id').$type<UserId>().references(() => users.id),
    ...syncedRowColumns,
  },
  (table) => [
    index('appointments_doctor_time_idx').on(table.clinicId, table.doctorUserId, table.startAt),
    index('appointments_clinic_time_idx').on(table.clinicId, table.startAt),
    index('appointments_patient_idx').on(table.patientId, table.startAt),
    check('appointments_type_check', sql`${table.type} in ('IN_PERSON', 'TELECONSULTATION', 'FOLLOW_UP', 'EMERGENCY')`),
    check('appointments_status_check', sql`${table.status} in ('SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW')`),
    check('appointments_time_check', sql`${table.endAt} > ${table.startAt}`),
  ],
);

/** What happened to an appointment, in order: booked, moved, checked in, cancelled. Insert-only. */
export const appointmentEvents = sqliteTable(
  'appointment_events',
  {
    id: text('id').primaryKey(),
    appointmentId: text('appointment_id')
      .notNull()
      .references(() => appointments.id),
    at: text('at').notNull(),
    kind: text('kind', { enum: ['BOOKED', 'RESCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] }).notNull(),
    userId: text('user_id').$type<UserId>().references(() => users.id),
    fromStartAt: text('from_start_at'),
    toStartAt: text('to_start_at'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    ...syncClockColumn,
  },
  (table) => [index('appointment_events_appointment_idx').on(table.appointmentId, table.at)],
);

export type AppointmentRow = typeof appointments.$inferSelect;
export type AppointmentEventRow = typeof appointmentEvents.$inferSelect;
