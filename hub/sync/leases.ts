import type { HubDb } from '../db/hub-db.ts';
import type { Device } from './devices.ts';
import { hubErrors } from './hub-errors.ts';

/** References start at four digits; the same constant as the workstation's own first block. */
const FIRST_NUMBER = 1001;

function requireClinic(device: Device, clinicId: string): void {
  if (!device.clinicIds.includes(clinicId)) throw hubErrors.forbidden('This workstation is not enrolled in that clinic.');
}

/** A fresh block of reference numbers for one device: above every block of the clinic's series. */
export async function leaseBlock(db: HubDb, device: Device, request: { clinicId: string; series: string; size: number }): Promise<{ rangeStart: number; rangeEnd: number }> {
  requireClinic(device, request.clinicId);
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext($1 || ':' || $2))`, [request.clinicId, request.series]);
    const [row] = await tx.query<{ next: string }>(`select coalesce(max(range_end), $3)::text as next from hub_number_leases where clinic_id = $1 and series = $2`, [request.clinicId, request.series, FIRST_NUMBER]);
    const rangeStart = Number(row?.next ?? FIRST_NUMBER);
    const rangeEnd = rangeStart + request.size;
    await tx.query(`insert into hub_number_leases (clinic_id, series, range_start, range_end, device_id) values ($1, $2, $3, $4, $5)`, [request.clinicId, request.series, rangeStart, rangeEnd, device.id]);
    return { rangeStart, rangeEnd };
  });
}

/**
 * The blocks a workstation leased from itself before it knew the hub: recorded as its leases so
 * the hub never hands the same numbers to another device. Overlaps with other devices' leases
 * would mean duplicated references and are refused.
 */
export async function reportBlocks(db: HubDb, device: Device, blocks: readonly { clinicId: string; series: string; rangeStart: number; rangeEnd: number }[]): Promise<void> {
  for (const block of blocks) requireClinic(device, block.clinicId);
  await db.transaction(async (tx) => {
    for (const block of blocks) {
      await tx.query(`select pg_advisory_xact_lock(hashtext($1 || ':' || $2))`, [block.clinicId, block.series]);
      const [clash] = await tx.query(
        `select 1 from hub_number_leases where clinic_id = $1 and series = $2 and device_id <> $3 and range_start < $5 and range_end > $4`,
        [block.clinicId, block.series, device.id, block.rangeStart, block.rangeEnd],
      );
      if (clash !== undefined) throw hubErrors.conflict(`Reference numbers ${String(block.rangeStart)}–${String(block.rangeEnd - 1)} of series ${block.series} are already another workstation's.`);
      await tx.query(`insert into hub_number_leases (clinic_id, series, range_start, range_end, device_id) values ($1, $2, $3, $4, $5) on conflict do nothing`, [block.clinicId, block.series, block.rangeStart, block.rangeEnd, device.id]);
    }
  });
}
