import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clinics } from '../../modules/clinics/tables.ts';
import { syncedRowColumns } from './columns.ts';

/**
 * What a merge could not decide for the clinic, kept for a person to resolve (SYNC.md §6). Its id
 * is derived from the kind and the rows, so two workstations noticing the same conflict record one.
 */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    /** A kind a module declares (shared/modules/<name>/conflicts.ts); checked by the core, not by a constraint, so a new module's kinds need no table rebuild. */
    kind: text('kind').notNull(),
    /** JSON array of the ids of the rows in conflict. */
    rowIds: text('row_ids').notNull(),
    detectedAt: text('detected_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedByUserId: text('resolved_by_user_id').$type<UserId>(),
    resolution: text('resolution').notNull().default(''),
    ...syncedRowColumns,
  },
  (table) => [index('sync_conflicts_open_idx').on(table.clinicId, table.resolvedAt)],
);

// The rest stays on this workstation.

/** One row: the transaction counter and stamp the capture triggers copy into the outbox. */
export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(),
  txn: integer('txn').notNull().default(0),
  hlc: text('hlc').notNull(),
  /** What the triggers do: 0 standalone, 1 connected, 2 applying remote changes, 3 bulk load (see change-stamps.ts). */
  mode: integer('mode').notNull().default(0),
});

/** Changes waiting to go up, written by triggers in the same transaction as the change. */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    txn: integer('txn').notNull(),
    hlc: text('hlc').notNull(),
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    kind: text('kind', { enum: ['insert', 'update'] }).notNull(),
    /** The row's values after the change, as JSON. */
    data: text('data').notNull(),
    /** For an update, the JSON array of the columns it changed. */
    changed: text('changed'),
  },
  (table) => [index('sync_outbox_txn_idx').on(table.txn)],
);

/**
 * Each waiting transaction's push number, given once and kept for resends: one small row per
 * transaction, so numbering does not write every change again. Numbers grow with transactions.
 */
export const syncOutboxTxns = sqliteTable('sync_outbox_txns', {
  txn: integer('txn').primaryKey(),
  pushedSeq: integer('pushed_seq').notNull().unique(),
});

/**
 * How far the hub has acknowledged, one row per answer that moved it: a change is acknowledged
 * when its push number is at most the highest mark. Acknowledging thus writes one small row, not
 * every outbox row again, and the marks' times say when acknowledged changes may be purged.
 */
export const syncOutboxAcks = sqliteTable(
  'sync_outbox_acks',
  {
    throughSeq: integer('through_seq').primaryKey(),
    ackedAt: text('acked_at').notNull(),
  },
  (table) => [index('sync_outbox_acks_at_idx').on(table.ackedAt)],
);

/** Local transactions the hub refused for good: shown on the Sync screen, never dropped silently. */
export const syncRejections = sqliteTable('sync_rejections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  pushedSeq: integer('pushed_seq').notNull(),
  code: text('code').notNull(),
  message: text('message').notNull(),
  /** The refused changes, as JSON. */
  changes: text('changes').notNull(),
  rejectedAt: text('rejected_at').notNull(),
  dismissedAt: text('dismissed_at'),
});

/**
 * Rows from the hub that cannot stand in their table yet: a change to a row whose first version
 * has not arrived (its other columns unknown), or a row whose parent has not arrived. They merge
 * like any row and move into their table as soon as they are whole, which happens when a hub
 * restored from an older backup receives again, device by device, what it lost.
 */
export const syncParked = sqliteTable(
  'sync_parked',
  {
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    /** The row's known columns, as JSON. */
    data: text('data').notNull(),
    clock: text('clock').notNull(),
    parkedAt: text('parked_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tbl, table.rowId] })],
);

/**
 * Rows a pull or a comparison brought that may clash with others (a booking, a token, a patient),
 * written in the same transaction as the rows. The check for conflicts runs once the pull is done,
 * so the screens show the new rows without waiting for it, and a crash before it finds the rows
 * still marked at the next start.
 */
export const syncConflictChecks = sqliteTable(
  'sync_conflict_checks',
  {
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tbl, table.rowId] })],
);
