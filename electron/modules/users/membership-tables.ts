import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { check, index, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { clinics } from '../clinics/tables.ts';
import { syncedRowColumns } from '../../db/schema/columns.ts';
import { users } from './tables.ts';

/**
 * One row per role a user holds in a clinic: a person may hold several there (an owner who is a
 * doctor also administers). Taking a role away tombstones its row; giving it back revives it. A
 * row is one role and never changes role, so two workstations giving or taking different roles
 * apart touch different rows and both keep their change.
 */
export const memberships = sqliteTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').$type<UserId>()
      .notNull()
      .references(() => users.id),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    role: text('role', { enum: ['ADMIN', 'DOCTOR', 'STAFF', 'PHARMACIST'] }).notNull(),
    ...syncedRowColumns,
  },
  (table) => [
    unique('memberships_user_clinic_role_unique').on(table.userId, table.clinicId, table.role),
    index('memberships_clinic_idx').on(table.clinicId),
    check('memberships_role_check', sql`${table.role} in ('ADMIN', 'DOCTOR', 'STAFF', 'PHARMACIST')`),
  ],
);

export type MembershipRow = typeof memberships.$inferSelect;
