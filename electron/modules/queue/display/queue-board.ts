import type { ClinicId } from '#shared/domain/ids.ts';
import { and, eq, inArray } from 'drizzle-orm';
import type { QueueBoard } from '#shared/modules/queue/calls.ts';
import { localDateOf } from '#shared/scheduling/slots.ts';
import { findClinic } from '../../clinics/index.ts';
import type { Db } from '../../../db/database.ts';
import { queueEntries } from '../../../db/schema/index.ts';
import { isoAt } from '../../../platform/clock.ts';
import { queueEntriesWhere } from '../queue-rows.ts';

const SHOWN_CALLED = 8;
const SHOWN_WAITING = 30;

/** Today's board for the waiting room: who is called to which room, and the tokens still waiting. */
export function queueBoardOf(db: Db, clinicId: ClinicId, nowMs: number): QueueBoard | null {
  const clinic = findClinic(db, clinicId);
  if (clinic === undefined) return null;
  const today = localDateOf(isoAt(nowMs), clinic.timeZone);
  const entries = queueEntriesWhere(
    db,
    and(eq(queueEntries.clinicId, clinicId), eq(queueEntries.serviceDate, today), inArray(queueEntries.status, ['WAITING', 'CALLED', 'IN_CONSULTATION'])),
  );
  const called = entries
    .filter((entry) => entry.status !== 'WAITING')
    .sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''))
    .slice(0, SHOWN_CALLED)
    .map((entry) => ({ token: entry.token, room: entry.room, doctorName: entry.doctor?.fullName ?? null, calledAt: entry.calledAt }));
  const waiting = entries
    .filter((entry) => entry.status === 'WAITING')
    .slice(0, SHOWN_WAITING)
    .map((entry) => ({ token: entry.token, priority: entry.priority }));
  return { clinicName: clinic.name, called, waiting };
}
