import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { and, asc, eq, gte, isNull, or } from 'drizzle-orm';
import type { ScheduleException, WeeklySession } from '#shared/scheduling/slots.ts';
import type { Db } from '../../db/database.ts';
import { scheduleExceptions, weeklySchedules } from '../../db/schema/index.ts';
import type { ScheduleExceptionRow, WeeklyScheduleRow } from './tables.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

function breaksOf(json: string): WeeklySession['breaks'] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? (parsed as WeeklySession['breaks']) : [];
}

export function sessionOf(row: WeeklyScheduleRow): WeeklySession {
  return { weekday: row.weekday, startTime: row.startTime, endTime: row.endTime, slotMinutes: row.slotMinutes, breaks: breaksOf(row.breaks) };
}

export function exceptionOf(row: ScheduleExceptionRow): ScheduleException & { id: string; doctorUserId: UserId | null; reason: string } {
  return { id: row.id, doctorUserId: row.doctorUserId, date: row.date, kind: row.kind, startTime: row.startTime, endTime: row.endTime, slotMinutes: row.slotMinutes, reason: row.reason };
}

export function weeklySessionsOf(db: Db, clinicId: ClinicId, doctorUserId: UserId): WeeklySession[] {
  return db
    .select()
    .from(weeklySchedules)
    .where(and(eq(weeklySchedules.clinicId, clinicId), eq(weeklySchedules.doctorUserId, doctorUserId), isNull(weeklySchedules.deletedAt)))
    .orderBy(asc(weeklySchedules.weekday), asc(weeklySchedules.startTime))
    .all()
    .map(sessionOf);
}

/** The doctor's own exceptions and the clinic's holidays, from a date on. */
export function exceptionsOf(db: Db, clinicId: ClinicId, doctorUserId: UserId, fromDate: string): ReturnType<typeof exceptionOf>[] {
  return db
    .select()
    .from(scheduleExceptions)
    .where(
      and(
        eq(scheduleExceptions.clinicId, clinicId),
        or(eq(scheduleExceptions.doctorUserId, doctorUserId), isNull(scheduleExceptions.doctorUserId)),
        gte(scheduleExceptions.date, fromDate),
        isNull(scheduleExceptions.deletedAt),
      ),
    )
    .orderBy(asc(scheduleExceptions.date))
    .all()
    .map(exceptionOf);
}

/** Replaces a doctor's week: the old sessions are tombstoned, so schedules replicate like any row. */
export function replaceWeeklySessions(db: Db, clinicId: ClinicId, doctorUserId: UserId, sessions: readonly WeeklySession[], nowMs: number): void {
  const now = isoAt(nowMs);
  db.update(weeklySchedules)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(weeklySchedules.clinicId, clinicId), eq(weeklySchedules.doctorUserId, doctorUserId), isNull(weeklySchedules.deletedAt)))
    .run();
  for (const session of sessions) {
    db.insert(weeklySchedules)
      .values({ id: newId(), clinicId, doctorUserId, weekday: session.weekday, startTime: session.startTime, endTime: session.endTime, slotMinutes: session.slotMinutes, breaks: JSON.stringify(session.breaks), createdAt: now, updatedAt: now })
      .run();
  }
}
