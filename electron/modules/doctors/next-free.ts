import type { UserId } from '#shared/domain/ids.ts';
import { DateTime } from 'luxon';
import type { Slot } from '#shared/scheduling/slots.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import { doctorSlots } from './doctor-slots.ts';
import { isoAt } from '../../platform/clock.ts';

/** How far ahead "next free slot" looks. */
const NEXT_FREE_HORIZON_DAYS = 90;
const NEXT_FREE_WINDOW_DAYS = 7;

function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? date;
}

/**
 * The earliest free slot after now among the doctors, looking a week at a time from a local date
 * (today unless a later one is given: a follow-up planned for next month).
 */
export function earliestFree(db: Db, clinic: ClinicContext, doctorIds: readonly UserId[], fromDay: string = clinic.today): { doctorUserId: UserId; slot: Slot } | null {
  const now = isoAt(clinic.nowMs);
  const start = fromDay > clinic.today ? fromDay : clinic.today;
  for (let offset = 0; offset < NEXT_FREE_HORIZON_DAYS; offset += NEXT_FREE_WINDOW_DAYS) {
    const fromDate = addDays(start, offset);
    const toDate = addDays(fromDate, NEXT_FREE_WINDOW_DAYS - 1);
    let best: { doctorUserId: UserId; slot: Slot } | null = null;
    for (const doctorUserId of doctorIds) {
      const slot = doctorSlots(db, { clinicId: clinic.clinicId, timeZone: clinic.timeZone, doctorUserId, fromDate, toDate }).find((candidate) => candidate.free && candidate.startAt > now);
      if (slot !== undefined && (best === null || slot.startAt < best.slot.startAt)) best = { doctorUserId, slot };
    }
    if (best !== null) return best;
  }
  return null;
}
