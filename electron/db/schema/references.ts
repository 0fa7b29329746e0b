import type { ClinicId, DeviceId } from '#shared/domain/ids.ts';
import { index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { clinics } from '../../modules/clinics/tables.ts';

/**
 * Ranges of reference numbers this workstation may hand out, per clinic and series (M record
 * numbers, A appointments, V visits…). A standalone workstation leases them from itself; once a
 * hub is connected, the hub leases them, so two offline devices never issue the same number.
 */
export const numberBlocks = sqliteTable(
  'number_blocks',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    series: text('series').notNull(),
    rangeStart: integer('range_start').notNull(),
    /** Exclusive. */
    rangeEnd: integer('range_end').notNull(),
    nextValue: integer('next_value').notNull(),
    deviceId: text('device_id').$type<DeviceId>().notNull(),
    leasedAt: text('leased_at').notNull(),
  },
  (table) => [index('number_blocks_series_idx').on(table.clinicId, table.series, table.rangeStart)],
);

/**
 * References this workstation gave out provisionally (RFC01-M-PROV3-15) while it had no leased
 * number left and a hub leases them, each renamed to a leased number once it has one. Only the
 * workstation that gave one out renames it, so this list is its own and never replicates.
 */
export const provisionalReferences = sqliteTable(
  'provisional_references',
  {
    reference: text('reference').primaryKey(),
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    series: text('series').notNull(),
    /** Counts up per clinic and series on this workstation, never reused. */
    counter: integer('counter').notNull(),
    issuedAt: text('issued_at').notNull(),
    /** The leased reference it became; null while it waits for one. */
    renamedTo: text('renamed_to'),
    renamedAt: text('renamed_at'),
  },
  (table) => [unique('provisional_references_counter').on(table.clinicId, table.series, table.counter), index('provisional_references_waiting_idx').on(table.renamedAt)],
);

/** How many references of each series this workstation gave out per day (UTC): its recent rate sizes its leases. */
export const referenceUsage = sqliteTable(
  'reference_usage',
  {
    clinicId: text('clinic_id').$type<ClinicId>()
      .notNull()
      .references(() => clinics.id),
    series: text('series').notNull(),
    /** YYYY-MM-DD, UTC. */
    day: text('day').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.clinicId, table.series, table.day] })],
);

/** Per-day token counters of this workstation. */
export const tokenCounters = sqliteTable('token_counters', {
  key: text('key').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});
