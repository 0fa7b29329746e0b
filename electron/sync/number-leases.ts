import type Database from 'better-sqlite3';
import { referenceSeries } from '../references/number-blocks.ts';
import { statement } from '../db/statements.ts';
import { newId } from '../platform/ids.ts';
import type { HubTransport } from './transport.ts';

/** Below this many numbers left in a series, the workstation asks the hub for another block. */
export const LOW_WATER = 500;
export const LEASE_SIZE = 1_000;

function remaining(sqlite: Database.Database, clinicId: string, series: string, deviceId: string): number {
  return statement(sqlite, `select coalesce(sum(range_end - next_value), 0) from number_blocks where clinic_id = ? and series = ? and device_id = ?`).pluck().get(clinicId, series, deviceId) as number;
}

/**
 * Keeps a reserve of hub-leased reference numbers for every series, so a workstation that goes
 * offline can go on registering and booking for a long while without ever reusing a number.
 */
export async function topUpNumberBlocks(sqlite: Database.Database, transport: HubTransport, credential: string, clinicId: string, deviceId: string, nowIso: string): Promise<void> {
  for (const series of Object.values(referenceSeries)) {
    if (remaining(sqlite, clinicId, series, deviceId) >= LOW_WATER) continue;
    const lease = await transport.lease(credential, { clinicId, series, size: LEASE_SIZE });
    sqlite
      .prepare(`insert into number_blocks (id, clinic_id, series, range_start, range_end, next_value, device_id, leased_at) values (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(newId(), clinicId, series, lease.rangeStart, lease.rangeEnd, lease.rangeStart, deviceId, nowIso);
  }
}

/** The blocks a standalone workstation leased from itself, for the hub to record when it first connects. */
export function ownBlocks(sqlite: Database.Database, clinicId: string): { clinicId: string; series: string; rangeStart: number; rangeEnd: number }[] {
  return (sqlite.prepare(`select clinic_id, series, range_start, range_end from number_blocks where clinic_id = ?`).all(clinicId) as { clinic_id: string; series: string; range_start: number; range_end: number }[]).map((row) => ({
    clinicId: row.clinic_id,
    series: row.series,
    rangeStart: row.range_start,
    rangeEnd: row.range_end,
  }));
}
