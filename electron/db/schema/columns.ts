import { text } from 'drizzle-orm/sqlite-core';

/**
 * Per-column clocks of a replicated row, as JSON: the stamp of the change that set each column
 * ('*' for the row's creation). Kept by the capture triggers and the sync engine, never sent.
 */
export const syncClockColumn = { syncClock: text('sync_clock') };

/** Rows that replicate carry their own times and a tombstone: synced rows are never hard-deleted. */
export const syncedRowColumns = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
  ...syncClockColumn,
};
