import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { queuePriorities, queueStatuses } from '#shared/modules/queue/queue.ts';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { appointments } from '../appointments/tables.ts';
import { clinics } from '../clinics/tables.ts';
import { syncedRowColumns } from '../../db/schema/columns.ts';
import { patients } from '../patients/tables.ts';
import { users } from '../users/tables.ts';


/**
 * A patient waiting in a clinic on a day. The token is the workstation's series letter and a
 * number for the day, so two desks handing out tokens offline never give the same one.
 */
export const queueEntries = sqliteTable(
  'queue_entries',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    /** The clinic's local date. */
    serviceDate: text('service_date').notNull(),
    token: text('token').notNull(),
    tokenSeries: text('token_series').notNull(),
    tokenNumber: integer('token_number').notNull(),
    patientId: text('patient_id').$type<PatientId>()
      .notNull()
      .references(() => patients.id),
    appointmentId: text('appointment_id').references(() => appointments.id),
    /** Null: any doctor. */
    doctorUserId: text('doctor_user_id').$type<UserId>().references(() => users.id),
    priority: text('priority', { enum: queuePriorities }).notNull(),
    status: text('status', { enum: queueStatuses }).notNull().default('WAITING'),
    room: text('room').notNull().default(''),
    arrivedAt: text('arrived_at').notNull(),
    calledAt: text('called_at'),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    ...syncedRowColumns,
  },
  (table) => [
    index('queue_entries_day_idx').on(table.clinicId, table.serviceDate, table.status),
    index('queue_entries_token_idx').on(table.clinicId, table.serviceDate, table.token),
    index('queue_entries_patient_idx').on(table.patientId, table.finishedAt),
    // While a pulled page leaves a foreign key unresolved, each appointment written (and each one deleted) looks
    // up its queue entries; without this index every lookup reads the queue's whole history.
    index('queue_entries_appointment_idx').on(table.appointmentId),
    check('queue_entries_priority_check', sql`${table.priority} in ('RED', 'ORANGE', 'GREEN')`),
    check('queue_entries_status_check', sql`${table.status} in ('WAITING', 'CALLED', 'IN_CONSULTATION', 'DONE', 'LEFT')`),
  ],
);

export type QueueEntryRow = typeof queueEntries.$inferSelect;
