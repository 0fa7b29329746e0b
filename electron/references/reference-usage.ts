import type { ClinicId } from '#shared/domain/ids.ts';
import type { ReferenceSeries } from '#shared/domain/reference-numbers.ts';
import { and, eq, gt, sql, sum } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
import { referenceUsage } from '../db/schema/index.ts';
import { isoAt } from '../platform/clock.ts';

const DAY_MS = 86_400_000;

/**
 * A workstation keeps at least this many days of its own recent use in hand: a month, so a front
 * desk cut off from the internet for weeks still registers under its own leased numbers.
 */
export const RESERVE_DAYS = 31;
/** The least it keeps, whatever its rate: a new workstation has none yet, and a quiet one may get busy. */
export const MIN_RESERVE = 1_000;
/** The Sync screen warns when fewer than this many days of numbers are left. */
export const WARN_DAYS = 7;

function dayOf(ms: number): string {
  return isoAt(ms).slice(0, 10);
}

/** Counts one reference given out today; inside the write's transaction. */
export function noteReferenceUse(db: Db, clinicId: ClinicId, series: ReferenceSeries, nowMs: number): void {
  db.insert(referenceUsage)
    .values({ clinicId, series, day: dayOf(nowMs), count: 1 })
    .onConflictDoUpdate({ target: [referenceUsage.clinicId, referenceUsage.series, referenceUsage.day], set: { count: sql`${referenceUsage.count} + 1` } })
    .run();
}

function usedSince(db: Db, clinicId: ClinicId, series: ReferenceSeries, days: number, nowMs: number): number {
  const query = prepared(db, 'references.usedSince', (handle) =>
    handle
      .select({ total: sum(referenceUsage.count) })
      .from(referenceUsage)
      .where(and(eq(referenceUsage.clinicId, sql.placeholder('clinicId')), eq(referenceUsage.series, sql.placeholder('series')), gt(referenceUsage.day, sql.placeholder('since'))))
      .prepare(),
  );
  return Number(query.get({ clinicId, series, since: dayOf(nowMs - days * DAY_MS) })?.total ?? 0);
}

/**
 * References a day this workstation gives out lately: the busier of its last week and its last
 * four weeks, so a clinic that just got busier (or a workstation a few days old) is not measured
 * by quieter weeks.
 */
export function recentDailyRate(db: Db, clinicId: ClinicId, series: ReferenceSeries, nowMs: number): number {
  return Math.max(usedSince(db, clinicId, series, 7, nowMs) / 7, usedSince(db, clinicId, series, 28, nowMs) / 28);
}

/** The numbers a workstation wants in hand at a rate: a month's, and never fewer than the minimum. */
export function reserveWanted(dailyRate: number): number {
  return Math.max(MIN_RESERVE, Math.ceil(dailyRate * RESERVE_DAYS));
}
