import type { DeviceId } from '#shared/domain/ids.ts';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncClockColumn } from './columns.ts';

/** Workstations known to this database: this one, and later those whose changes arrive by sync. */
export const devices = sqliteTable('devices', {
  id: text('id').$type<DeviceId>().primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
  ...syncClockColumn,
});

export type DeviceRow = typeof devices.$inferSelect;
