import type { OrganizationId, UserId } from '#shared/domain/ids.ts';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedRowColumns } from '../../db/schema/columns.ts';
import { organizations } from '../clinics/tables.ts';

export const users = sqliteTable('users', {
  id: text('id').$type<UserId>().primaryKey(),
  /** The organization the account belongs to: only its administrators manage it. Never changes. */
  organizationId: text('organization_id')
    .$type<OrganizationId>()
    .notNull()
    .references(() => organizations.id),
  /** Stored lower-case so sign-in is case-insensitive and two accounts cannot differ only by case. */
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  email: text('email').notNull().default(''),
  phone: text('phone').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  passwordChangedAt: text('password_changed_at').notNull(),
  /** Who made the account's latest change: the user, or an administrator. The hub checks that they could. */
  accountChangedBy: text('account_changed_by').$type<UserId>(),
  ...syncedRowColumns,
});

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
