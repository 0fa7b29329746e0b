import type { ClinicId, DeviceId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { check, index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clinics } from '../../modules/clinics/tables.ts';
import { syncClockColumn } from './columns.ts';
import { users } from '../../modules/users/tables.ts';

/** Append-only: triggers in the migrations refuse every update and delete. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    userId: text('user_id').$type<UserId>().references(() => users.id),
    attemptedUsername: text('attempted_username'),
    clinicId: text('clinic_id').$type<ClinicId>().references(() => clinics.id),
    deviceId: text('device_id').$type<DeviceId>().notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    outcome: text('outcome', { enum: ['SUCCESS', 'FAILURE', 'DENIED'] }).notNull(),
    /** JSON of names and ids (which fields changed), never the values of a patient's record. */
    detail: text('detail'),
    ...syncClockColumn,
  },
  (table) => [
    index('audit_log_clinic_idx').on(table.clinicId, table.id),
    index('audit_log_user_idx').on(table.userId, table.id),
    index('audit_log_entity_idx').on(table.entityId),
    check('audit_log_outcome_check', sql`${table.outcome} in ('SUCCESS', 'FAILURE', 'DENIED')`),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;
