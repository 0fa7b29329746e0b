import type { ClinicId, DeviceId } from '#shared/domain/ids.ts';
import type { ReferenceSeries } from '#shared/domain/reference-numbers.ts';
import { and, asc, eq, lt, max, sql } from 'drizzle-orm';
import { conflictError } from '#shared/api/errors.ts';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
import { literalLimit } from '../db/literal-limit.ts';
import { numberBlocks } from '../db/schema/index.ts';
import { isoAt } from '../platform/clock.ts';
import { newId } from '../platform/ids.ts';

export { formatReference, referenceSeries, type ReferenceSeries } from '#shared/domain/reference-numbers.ts';

export const BLOCK_SIZE = 1000;
/** References start at four digits, as people expect of ABC01-A1234. */
export const FIRST_NUMBER = 1001;

export type Allocation = { readonly clinicId: ClinicId; readonly series: ReferenceSeries; readonly deviceId: DeviceId; readonly nowMs: number };

/** Whether a hub leases this workstation's numbers (sync_state's connected mode). */
export function hubLeasesNumbers(db: Db): boolean {
  return db.get<{ mode: number } | undefined>(sql`select mode from sync_state where id = 1`)?.mode === 1;
}

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

function usableBlock(db: Db, allocation: Allocation): { id: string; next: number } | undefined {
  return db
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
}

/**
 * The next number of a series from this workstation's blocks, or null when a hub leases them and
 * none is left (leasing locally then could hand out another device's numbers). A standalone
 * workstation never runs out. Call it inside the write's transaction.
 */
export function takeNumber(db: Db, allocation: Allocation): number | null {
  let block = usableBlock(db, allocation);
  if (block === undefined) {
    if (hubLeasesNumbers(db)) return null;
    leaseLocally(db, allocation);
    block = usableBlock(db, allocation);
  }
  if (block === undefined) throw new Error('no number block after leasing one');
  db.update(numberBlocks)
    .set({ nextValue: sql`${numberBlocks.nextValue} + 1` })
    .where(eq(numberBlocks.id, block.id))
    .run();
  return block.next;
}

/** takeNumber where running out is a refusal: for callers with no provisional reference to fall back on. */
export function allocateNumber(db: Db, allocation: Allocation): number {
  const number = takeNumber(db, allocation);
  if (number === null) throw conflictError('This workstation has used all the reference numbers the hub gave it; connect to the hub to get more.');
  return number;
}

/** Numbers of a series still unused in this device's blocks. */
export function remainingNumbers(db: Db, clinicId: ClinicId, series: ReferenceSeries, deviceId: DeviceId): number {
  const query = prepared(db, 'references.remainingNumbers', (handle) =>
    handle
      .select({ left: sql<number>`coalesce(sum(${numberBlocks.rangeEnd} - ${numberBlocks.nextValue}), 0)` })
      .from(numberBlocks)
      .where(and(eq(numberBlocks.clinicId, sql.placeholder('clinicId')), eq(numberBlocks.series, sql.placeholder('series')), eq(numberBlocks.deviceId, sql.placeholder('deviceId'))))
      .prepare(),
  );
  return query.get({ clinicId, series, deviceId })?.left ?? 0;
}
