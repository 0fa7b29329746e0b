import type { ClinicId, DeviceId } from '#shared/domain/ids.ts';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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

/** Per-day token counters of this workstation. */
export const tokenCounters = sqliteTable('token_counters', {
  key: text('key').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});
