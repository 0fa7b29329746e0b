import { text } from 'drizzle-orm/sqlite-core';

/** Rows that replicate carry their own times and a tombstone: synced rows are never hard-deleted. */
export const syncedRowColumns = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
};
