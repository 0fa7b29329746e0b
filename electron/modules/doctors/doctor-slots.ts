import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import { occupyingStatuses } from '#shared/modules/appointments/index.ts';
import { generateSlots, localDayBounds, type Slot } from '#shared/scheduling/slots.ts';
import type { Db } from '../../db/database.ts';
import { appointments } from '../../db/schema/index.ts';
import { exceptionsOf, weeklySessionsOf } from './schedule-rows.ts';

export type SlotQuery = {
  readonly clinicId: ClinicId;
  readonly timeZone: string;
  readonly doctorUserId: UserId;
  readonly fromDate: string;
  readonly toDate: string;
  /** An appointment being moved does not block its own new time. */
  readonly ignoreAppointmentId?: string;
};

/** A doctor's slots over local dates, each marked free or taken by a booked appointment. */
export function doctorSlots(db: Db, query: SlotQuery): Slot[] {
  const from = localDayBounds(query.fromDate, query.timeZone).startAt;
  const to = localDayBounds(query.toDate, query.timeZone).endAt;
  const busy = db
    .select({ id: appointments.id, startAt: appointments.startAt, endAt: appointments.endAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, query.clinicId),
        eq(appointments.doctorUserId, query.doctorUserId),
        lt(appointments.startAt, to),
        gt(appointments.endAt, from),
        inArray(appointments.status, [...occupyingStatuses]),
      ),
    )
    .all()
    .filter((appointment) => appointment.id !== query.ignoreAppointmentId);
  return generateSlots({
    timeZone: query.timeZone,
    sessions: weeklySessionsOf(db, query.clinicId, query.doctorUserId),
    exceptions: exceptionsOf(db, query.clinicId, query.doctorUserId, query.fromDate),
    fromDate: query.fromDate,
    toDate: query.toDate,
    busy,
  });
}
