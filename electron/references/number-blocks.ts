import type { ClinicId, DeviceId } from '#shared/domain/ids.ts';
import { and, asc, eq, lt, max, sql } from 'drizzle-orm';
import { conflictError } from '#shared/api/errors.ts';
import type { Db } from '../db/database.ts';
import { literalLimit } from '../db/literal-limit.ts';
import { numberBlocks } from '../db/schema/index.ts';
import { isoAt } from '../platform/clock.ts';
import { newId } from '../platform/ids.ts';

/** Series letters of human references. */
export const referenceSeries = { medicalRecord: 'M', appointment: 'A', visit: 'V' } as const;
export type ReferenceSeries = (typeof referenceSeries)[keyof typeof referenceSeries];

export const BLOCK_SIZE = 1000;
/** References start at four digits, as people expect of ABC01-A1234. */
export const FIRST_NUMBER = 1001;

export type Allocation = { readonly clinicId: ClinicId; readonly series: ReferenceSeries; readonly deviceId: DeviceId; readonly nowMs: number };

/**
 * A standalone workstation leases its next block from itself: numbers above every block any
 * device of this database holds. Once a hub is connected, the hub leases blocks instead (the
 * sync engine keeps a reserve), and this fallback is not used.
 */
function leaseLocally(db: Db, allocation: Allocation): void {
  const highest = db
    .select({ end: max(numberBlocks.rangeEnd) })
    .from(numberBlocks)
    .where(and(eq(numberBlocks.clinicId, allocation.clinicId), eq(numberBlocks.series, allocation.series)))
    .get()?.end;
  const start = highest ?? FIRST_NUMBER;
  db.insert(numberBlocks)
    .values({
      id: newId(),
      clinicId: allocation.clinicId,
      series: allocation.series,
      rangeStart: start,
      rangeEnd: start + BLOCK_SIZE,
      nextValue: start,
      deviceId: allocation.deviceId,
      leasedAt: isoAt(allocation.nowMs),
    })
    .run();
}

/** The next number of a series from this workstation's blocks; call it inside the write's transaction. */
export function allocateNumber(db: Db, allocation: Allocation): number {
  const usable = () =>
    db
      .select({ id: numberBlocks.id, next: numberBlocks.nextValue })
      .from(numberBlocks)
      .where(
        and(
          eq(numberBlocks.clinicId, allocation.clinicId),
          eq(numberBlocks.series, allocation.series),
          eq(numberBlocks.deviceId, allocation.deviceId),
          lt(numberBlocks.nextValue, numberBlocks.rangeEnd),
        ),
      )
      .orderBy(asc(numberBlocks.rangeStart))
      .limit(literalLimit(1))
      .get();
  let block = usable();
  if (block === undefined) {
    // Once a hub leases the blocks, leasing locally could hand out another device's numbers.
    if (db.get<{ mode: number } | undefined>(sql`select mode from sync_state where id = 1`)?.mode === 1) {
      throw conflictError('This workstation has used all the reference numbers the hub gave it; connect to the hub to get more.');
    }
    leaseLocally(db, allocation);
    block = usable();
  }
  if (block === undefined) throw new Error('no number block after leasing one');
  db.update(numberBlocks)
    .set({ nextValue: sql`${numberBlocks.nextValue} + 1` })
    .where(eq(numberBlocks.id, block.id))
    .run();
  return block.next;
}

export function formatReference(clinicCode: string, series: ReferenceSeries, number: number): string {
  return `${clinicCode}-${series}${number}`;
}
