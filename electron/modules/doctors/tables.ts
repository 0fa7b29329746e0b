import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clinics } from '../clinics/tables.ts';
import { syncedRowColumns } from '../../db/schema/columns.ts';
import { users } from '../users/tables.ts';

/** The professional side of a user with the Doctor role; the clinics come from memberships. */
export const doctorProfiles = sqliteTable(
  'doctor_profiles',
  {
    userId: text('user_id').$type<UserId>()
      .primaryKey()
      .references(() => users.id),
    specialization: text('specialization').notNull(),
    registrationNumber: text('registration_number').notNull().default(''),
    visibility: text('visibility', { enum: ['PUBLIC', 'PRIVATE'] }).notNull().default('PUBLIC'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...syncedRowColumns,
  },
  (table) => [index('doctor_profiles_specialization_idx').on(table.specialization), check('doctor_profiles_visibility_check', sql`${table.visibility} in ('PUBLIC', 'PRIVATE')`)],
);

/**
 * One working session of a doctor in a clinic on a weekday, in the clinic's local time. Several
 * sessions a day are several rows; breaks inside a session are a JSON list of HH:MM ranges.
 */
export const weeklySchedules = sqliteTable(
  'weekly_schedules',
  {
    id: text('id').primaryKey(),
    doctorUserId: text('doctor_user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: integer('weekday').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    breaks: text('breaks').notNull().default('[]'),
    ...syncedRowColumns,
  },
  (table) => [
    index('weekly_schedules_doctor_idx').on(table.clinicId, table.doctorUserId),
    check('weekly_schedules_weekday_check', sql`${table.weekday} between 1 and 7`),
    check('weekly_schedules_slot_check', sql`${table.slotMinutes} between 5 and 240`),
  ],
);

/**
 * A day that differs from the week: leave or a holiday (no slots, the whole day or part of it),
 * or an extra session. A holiday without a doctor applies to the whole clinic.
 */
export const scheduleExceptions = sqliteTable(
  'schedule_exceptions',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    doctorUserId: text('doctor_user_id').$type<UserId>().references(() => users.id),
    /** The clinic's local date, YYYY-MM-DD. */
    date: text('date').notNull(),
    kind: text('kind', { enum: ['LEAVE', 'HOLIDAY', 'EXTRA'] }).notNull(),
    /** Null for a whole day off. */
    startTime: text('start_time'),
    endTime: text('end_time'),
    slotMinutes: integer('slot_minutes'),
    reason: text('reason').notNull().default(''),
    ...syncedRowColumns,
  },
  (table) => [index('schedule_exceptions_day_idx').on(table.clinicId, table.date), check('schedule_exceptions_kind_check', sql`${table.kind} in ('LEAVE', 'HOLIDAY', 'EXTRA')`)],
);

export type DoctorProfileRow = typeof doctorProfiles.$inferSelect;
export type WeeklyScheduleRow = typeof weeklySchedules.$inferSelect;
export type ScheduleExceptionRow = typeof scheduleExceptions.$inferSelect;
