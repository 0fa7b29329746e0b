import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { and, eq, inArray } from 'drizzle-orm';
import { conflictError, forbiddenError, notFoundError } from '#shared/api/errors.ts';
import type { Role } from '#shared/domain/roles.ts';
import { canMoveQueueEntry, queueStatusLabels, type QueuePriority, type QueueStatus } from '#shared/modules/queue/queue.ts';
import { closeCheckedIn } from '../appointments/index.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import { queueEntries } from '../../db/schema/index.ts';
import type { QueueEntryRow } from './tables.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { nextToken } from '../../references/tokens.ts';

// The queue's rules: who may move an entry, which steps it may take, what each step stamps, and
// how a patient joins today's queue.

export type QueueActor = { readonly roles: readonly Role[]; readonly userId: UserId };

/** A doctor who does not also run the front desk: they see to their own patients. */
function onlyDoctor(actor: QueueActor): boolean {
  return actor.roles.includes('DOCTOR') && !actor.roles.includes('ADMIN') && !actor.roles.includes('STAFF');
}

export function requireEntry(db: Db, clinicId: ClinicId, entryId: string): QueueEntryRow {
  const row = db
    .select()
    .from(queueEntries)
    .where(and(eq(queueEntries.id, entryId), eq(queueEntries.clinicId, clinicId)))
    .get();
  if (row === undefined || row.deletedAt !== null) throw notFoundError('No such queue entry in this clinic.');
  return row;
}

/**
 * A doctor moves only their own patients, or those waiting for any doctor (who then become theirs);
 * one who also administers or runs the front desk moves anyone's, as those roles allow.
 */
function requireMayHandle(actor: QueueActor, row: QueueEntryRow): void {
  if (onlyDoctor(actor) && row.doctorUserId !== null && row.doctorUserId !== actor.userId) {
    throw forbiddenError('This patient is waiting for another doctor.');
  }
}

/** Checks a step of an entry's state machine and gives what it sets, the time of the step stamped. */
export function stepOf(row: QueueEntryRow, to: QueueStatus, actor: QueueActor, nowMs: number): Partial<QueueEntryRow> {
  requireMayHandle(actor, row);
  const again = to === 'CALLED' && row.status === 'CALLED';
  if (!again && !canMoveQueueEntry(row.status, to)) {
    throw conflictError(`Token ${row.token} is ${queueStatusLabels[row.status].toLowerCase()}; it cannot become ${queueStatusLabels[to].toLowerCase()}.`);
  }
  const now = isoAt(nowMs);
  const claim = actor.roles.includes('DOCTOR') && row.doctorUserId === null ? { doctorUserId: actor.userId } : {};
  const stamps: Partial<QueueEntryRow> =
    to === 'CALLED' ? { calledAt: now } : to === 'IN_CONSULTATION' ? { startedAt: now, calledAt: row.calledAt ?? now } : to === 'DONE' || to === 'LEFT' ? { finishedAt: now } : { calledAt: null, room: '' };
  return { status: to, ...stamps, ...claim, updatedAt: now };
}

/** Writes a step; an entry leaving the queue closes the booking it came from. */
export function takeStep(tx: Db, row: QueueEntryRow, step: Partial<QueueEntryRow>, actor: QueueActor, nowMs: number): void {
  tx.update(queueEntries).set(step).where(eq(queueEntries.id, row.id)).run();
  if (row.appointmentId !== null && (step.status === 'DONE' || step.status === 'LEFT')) {
    closeCheckedIn(tx, row.appointmentId, step.status === 'DONE' ? 'SEEN' : 'LEFT_UNSEEN', actor.userId, nowMs);
  }
}

/** Adds a patient to today's queue under the next token of this workstation; once a day at a time. */
export function addEntry(tx: Db, clinic: ClinicContext, entry: { patientId: PatientId; appointmentId: string | null; doctorUserId: UserId | null; priority: QueuePriority }): string {
  const active = tx
    .select({ token: queueEntries.token })
    .from(queueEntries)
    .where(and(eq(queueEntries.patientId, entry.patientId), eq(queueEntries.clinicId, clinic.clinicId), eq(queueEntries.serviceDate, clinic.today), inArray(queueEntries.status, ['WAITING', 'CALLED', 'IN_CONSULTATION'])))
    .get();
  if (active !== undefined) throw conflictError(`This patient is already in today's queue with token ${active.token}.`);
  const token = nextToken(tx, clinic.clinicId, clinic.today);
  const id = newId();
  const now = isoAt(clinic.nowMs);
  tx.insert(queueEntries)
    .values({ id, clinicId: clinic.clinicId, serviceDate: clinic.today, token: token.token, tokenSeries: token.series, tokenNumber: token.number, ...entry, arrivedAt: now, createdAt: now, updatedAt: now })
    .run();
  return id;
}
