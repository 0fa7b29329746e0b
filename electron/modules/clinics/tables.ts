import type { ClinicId, OrganizationId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedRowColumns } from '../../db/schema/columns.ts';

/**
 * A practice or a chain of clinics: the boundary of trust. Its clinics share patients and staff by
 * explicit links; nothing of it is ever seen or changed by anyone outside it.
 */
export const organizations = sqliteTable('organizations', {
  id: text('id').$type<OrganizationId>().primaryKey(),
  name: text('name').notNull(),
  ...syncedRowColumns,
});

export const clinics = sqliteTable(
  'clinics',
  {
    id: text('id').$type<ClinicId>().primaryKey(),
    organizationId: text('organization_id')
      .$type<OrganizationId>()
      .notNull()
      .references(() => organizations.id),
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

export type OrganizationRow = typeof organizations.$inferSelect;
export type ClinicRow = typeof clinics.$inferSelect;
export type NewClinicRow = typeof clinics.$inferInsert;
