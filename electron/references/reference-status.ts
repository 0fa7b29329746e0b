import type { ClinicId, DeviceId } from '#shared/domain/ids.ts';
import { referenceSeries, type ReferenceSeries } from '#shared/domain/reference-numbers.ts';
import type { Db } from '../db/database.ts';
import { remainingNumbers } from './number-blocks.ts';
import { countWaitingProvisionals } from './provisional.ts';
import { recentDailyRate, WARN_DAYS } from './reference-usage.ts';

export type SeriesSupply = {
  readonly series: ReferenceSeries;
  /** Leased numbers not yet used. */
  readonly remaining: number;
  /** References a day given out lately (recentDailyRate). */
  readonly perDay: number;
  /** Provisional references waiting for a leased number. */
  readonly waiting: number;
  /** Fewer than a week's numbers left at the recent rate, or some already provisional. */
  readonly low: boolean;
};

/** How well this workstation is stocked with leased numbers, per series. */
export function referenceSupply(db: Db, clinicId: ClinicId, deviceId: DeviceId, nowMs: number): SeriesSupply[] {
  return Object.values(referenceSeries).map((series) => {
    const remaining = remainingNumbers(db, clinicId, series, deviceId);
    const perDay = recentDailyRate(db, clinicId, series, nowMs);
    const waiting = countWaitingProvisionals(db, clinicId, series);
    return { series, remaining, perDay, waiting, low: waiting > 0 || remaining < Math.ceil(perDay * WARN_DAYS) };
  });
}
