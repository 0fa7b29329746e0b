import type Database from 'better-sqlite3';
import type { ClinicId, DeviceId } from '#shared/domain/ids.ts';
import type { Db } from '../db/database.ts';
import { referenceSupply } from '../references/reference-status.ts';
import { reserveWanted } from '../references/reference-usage.ts';
import { newId } from '../platform/ids.ts';
import type { HubTransport } from './transport.ts';

/** The hub's bounds on one lease (leaseRequestSchema). */
const LEASE_MIN = 100;
const LEASE_MAX = 100_000;

export type TopUp = { readonly clinicId: ClinicId; readonly deviceId: DeviceId; readonly nowMs: number; readonly nowIso: string };

/**
 * Keeps a month of this workstation's own recent use of every series in hand, never less than a
 * minimum, so a workstation that goes offline goes on registering and booking under leased
 * numbers for weeks; and leases enough besides for the provisional references waiting to be
 * renamed. Below that it leases a whole reserve more, so a workstation leases about once a month
 * of its use, not a few numbers at every sync.
 */
export async function topUpNumberBlocks(sqlite: Database.Database, db: Db, transport: HubTransport, credential: string, topUp: TopUp): Promise<void> {
  for (const supply of referenceSupply(db, topUp.clinicId, topUp.deviceId, topUp.nowMs)) {
    const wanted = reserveWanted(supply.perDay);
    if (supply.remaining - supply.waiting >= wanted) continue;
    const size = Math.min(LEASE_MAX, Math.max(LEASE_MIN, wanted + supply.waiting));
    const lease = await transport.lease(credential, { clinicId: topUp.clinicId, series: supply.series, size });
    sqlite
      .prepare(`insert into number_blocks (id, clinic_id, series, range_start, range_end, next_value, device_id, leased_at) values (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(newId(), topUp.clinicId, supply.series, lease.rangeStart, lease.rangeEnd, lease.rangeStart, topUp.deviceId, topUp.nowIso);
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
