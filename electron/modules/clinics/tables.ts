import type { ClinicId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedRowColumns } from '../../db/schema/columns.ts';

export const clinics = sqliteTable(
  'clinics',
  {
    id: text('id').$type<ClinicId>().primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    country: text('country').notNull(),
    state: text('state').notNull().default(''),
    city: text('city').notNull(),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    currency: text('currency').notNull(),
    timeZone: text('time_zone').notNull(),
    status: text('status', { enum: ['ACTIVE', 'INACTIVE', 'SUSPENDED'] }).notNull().default('ACTIVE'),
    idleLockMinutes: integer('idle_lock_minutes').notNull().default(15),
    ...syncedRowColumns,
  },
  (table) => [
    check('clinics_status_check', sql`${table.status} in ('ACTIVE', 'INACTIVE', 'SUSPENDED')`),
    check('clinics_code_check', sql`${table.code} glob '[A-Z][A-Z][A-Z][0-9][0-9]'`),
    check('clinics_idle_lock_check', sql`${table.idleLockMinutes} between 1 and 240`),
  ],
);

export type ClinicRow = typeof clinics.$inferSelect;
export type NewClinicRow = typeof clinics.$inferInsert;
