import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from '../../modules/users/tables.ts';

// Tables that stay on this workstation and never replicate.

/** Failed sign-ins counted per workstation, so one device's lockout never needs the network. */
export const signInThrottle = sqliteTable('sign_in_throttle', {
  userId: text('user_id').$type<UserId>()
    .primaryKey()
    .references(() => users.id),
  failedCount: integer('failed_count').notNull().default(0),
  lockedUntil: text('locked_until'),
  lastFailedAt: text('last_failed_at'),
});

/** This database's identity and settings: its own id, this device's id. */
export const localMeta = sqliteTable('local_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Links for waiting-room screens: only a hash of each key is kept, so the key is shown once. */
export const displayLinks = sqliteTable('display_links', {
  id: text('id').primaryKey(),
  clinicId: text('clinic_id').$type<ClinicId>().notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdAt: text('created_at').notNull(),
  revokedAt: text('revoked_at'),
});
