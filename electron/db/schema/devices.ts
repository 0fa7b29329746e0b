import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Workstations known to this database: this one, and later those whose changes arrive by sync. */
export const devices = sqliteTable('devices', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
});

export type DeviceRow = typeof devices.$inferSelect;
