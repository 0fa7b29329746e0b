import { and, eq, inArray } from 'drizzle-orm';
import { conflictError, forbiddenError, notFoundError } from '#shared/api/errors.ts';
import { canMoveQueueEntry, priorityForAppointment, queueStatusLabels, type QueuePriority, type QueueStatus } from '#shared/modules/queue/queue.ts';
import { localDateOf } from '#shared/scheduling/slots.ts';
import { recordAppointmentEvent } from '../appointments/index.ts';
import { clinicContextOf } from '../../api/clinic-context.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import { appointments, queueEntries } from '../../db/schema/index.ts';
import type { QueueEntryRow } from '../../db/schema/queue.ts';
import { createDisplayLink, revokeDisplayLinks } from './display/display-links.ts';
import { doctorIn } from '../doctors/index.ts';
import { findPatient, isVisibleIn } from '../patients/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { queueEntriesWhere, queueEntryById } from './queue-rows.ts';
import { nextToken } from '../../references/tokens.ts';
import { clinicOf, type CallContext, type Handlers } from '../../api/context.ts';

function requireEntry(db: Db, clinic: ClinicContext, entryId: string): QueueEntryRow {
  const row = db
    .select()
    .from(queueEntries)
    .where(and(eq(queueEntries.id, entryId), eq(queueEntries.clinicId, clinic.clinicId)))
    .get();
  if (row === undefined || row.deletedAt !== null) throw notFoundError('No such queue entry in this clinic.');
  return row;
}

function fetched(db: Db, id: string) {
  const entry = queueEntryById(db, id);
  if (entry === undefined) throw new Error('queue entry vanished');
  return entry;
}

/** A doctor moves only their own patients, or those waiting for any doctor (who then become theirs). */
function requireMayHandle(ctx: CallContext, row: QueueEntryRow): void {
  const { role, userId } = clinicOf(ctx);
  if (role === 'DOCTOR' && row.doctorUserId !== null && row.doctorUserId !== userId) {
    throw forbiddenError('This patient is waiting for another doctor.');
  }
}

/** Moves an entry along its state machine, stamping the time of the step. */
function moveEntry(ctx: CallContext, entryId: string, to: QueueStatus, extra: Partial<QueueEntryRow> = {}) {
  const clinic = clinicContextOf(ctx);
  const row = requireEntry(ctx.db, clinic, entryId);
  requireMayHandle(ctx, row);
  const again = to === 'CALLED' && row.status === 'CALLED';
  if (!again && !canMoveQueueEntry(row.status, to)) {
    throw conflictError(`Token ${row.token} is ${queueStatusLabels[row.status].toLowerCase()}; it cannot become ${queueStatusLabels[to].toLowerCase()}.`);
  }
  const now = isoAt(clinic.nowMs);
  const { role, userId } = clinicOf(ctx);
  const claim = role === 'DOCTOR' && row.doctorUserId === null ? { doctorUserId: userId } : {};
  const stamps: Partial<QueueEntryRow> =
    to === 'CALLED' ? { calledAt: now } : to === 'IN_CONSULTATION' ? { startedAt: now, calledAt: row.calledAt ?? now } : to === 'DONE' || to === 'LEFT' ? { finishedAt: now } : { calledAt: null, room: '' };
  ctx.write(
    (tx) => {
      tx.update(queueEntries)
        .set({ status: to, ...stamps, ...claim, ...extra, updatedAt: now })
        .where(eq(queueEntries.id, row.id))
        .run();
      if (row.appointmentId !== null && (to === 'DONE' || to === 'LEFT')) {
        const status = to === 'DONE' ? 'COMPLETED' : 'CANCELLED';
        const changed = tx
          .update(appointments)
          .set({ status, updatedAt: now, ...(to === 'LEFT' ? { cancelReason: 'Left without being seen' } : {}) })
          .where(and(eq(appointments.id, row.appointmentId), eq(appointments.status, 'CHECKED_IN')))
          .run().changes;
        if (changed > 0) recordAppointmentEvent(tx, { appointmentId: row.appointmentId, kind: to === 'DONE' ? 'COMPLETED' : 'CANCELLED', userId, nowMs: clinic.nowMs, note: to === 'LEFT' ? 'Left without being seen' : '' });
      }
    },
    { entityType: 'queue_entry', entityId: row.id, detail: { from: row.status, to } },
  );
  return fetched(ctx.db, row.id);
}

function addEntry(ctx: CallContext, clinic: ClinicContext, entry: { patientId: string; appointmentId: string | null; doctorUserId: string | null; priority: QueuePriority }, tx: Db): string {
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

export const queueHandlers = {
  'queue.list': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const date = input.date ?? clinic.today;
    const statuses: QueueStatus[] = input.includeFinished ? ['WAITING', 'CALLED', 'IN_CONSULTATION', 'DONE', 'LEFT'] : ['WAITING', 'CALLED', 'IN_CONSULTATION'];
    return { date, entries: queueEntriesWhere(ctx.db, and(eq(queueEntries.clinicId, clinic.clinicId), eq(queueEntries.serviceDate, date), inArray(queueEntries.status, statuses))) };
  },

  'queue.checkIn': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const appointment = ctx.db.select().from(appointments).where(and(eq(appointments.id, input.appointmentId), eq(appointments.clinicId, clinic.clinicId))).get();
    if (appointment === undefined) throw notFoundError('No such appointment in this clinic.');
    if (appointment.status !== 'SCHEDULED' && appointment.status !== 'NO_SHOW') throw conflictError(`Appointment ${appointment.reference} cannot be checked in: it is ${appointment.status.toLowerCase().replace('_', ' ')}.`);
    const day = localDateOf(appointment.startAt, clinic.timeZone);
    if (day !== clinic.today) throw conflictError(`Appointment ${appointment.reference} is on ${day}, not today.`);
    const id = ctx.write(
      (tx) => {
        const entryId = addEntry(ctx, clinic, { patientId: appointment.patientId, appointmentId: appointment.id, doctorUserId: appointment.doctorUserId, priority: input.priority ?? priorityForAppointment(appointment.type) }, tx);
        tx.update(appointments).set({ status: 'CHECKED_IN', updatedAt: isoAt(clinic.nowMs) }).where(eq(appointments.id, appointment.id)).run();
        recordAppointmentEvent(tx, { appointmentId: appointment.id, kind: 'CHECKED_IN', userId: clinic.userId, nowMs: clinic.nowMs });
        return entryId;
      },
      (entryId) => ({ entityType: 'queue_entry', entityId: entryId, detail: { appointmentId: appointment.id } }),
    );
    return fetched(ctx.db, id);
  },

  'queue.addWalkIn': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const patient = findPatient(ctx.db, input.patientId);
    if (patient === undefined || !isVisibleIn(ctx.db, patient, clinic.clinicId)) throw notFoundError('No such patient in this clinic.');
    if (patient.mergedIntoId !== null) throw conflictError('This record was merged into another; add the surviving record.', 'patientId');
    if (input.doctorUserId !== null && doctorIn(ctx.db, clinic.clinicId, input.doctorUserId)?.bookable !== true) {
      throw conflictError('That doctor is not available here.', 'doctorUserId');
    }
    const id = ctx.write((tx) => addEntry(ctx, clinic, { patientId: patient.id, appointmentId: null, doctorUserId: input.doctorUserId, priority: input.priority }, tx), (entryId) => ({
      entityType: 'queue_entry',
      entityId: entryId,
      detail: { walkIn: true, patientId: patient.id },
    }));
    return fetched(ctx.db, id);
  },

  'queue.call': (ctx, input) => moveEntry(ctx, input.entryId, 'CALLED', { room: input.room }),
  'queue.start': (ctx, input) => moveEntry(ctx, input.entryId, 'IN_CONSULTATION'),
  'queue.finish': (ctx, input) => moveEntry(ctx, input.entryId, 'DONE'),
  'queue.requeue': (ctx, input) => moveEntry(ctx, input.entryId, 'WAITING'),
  'queue.markLeft': (ctx, input) => moveEntry(ctx, input.entryId, 'LEFT'),

  'queue.setPriority': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const row = requireEntry(ctx.db, clinic, input.entryId);
    if (row.status === 'DONE' || row.status === 'LEFT') throw conflictError(`Token ${row.token} has left the queue.`);
    ctx.write((tx) => tx.update(queueEntries).set({ priority: input.priority, updatedAt: isoAt(clinic.nowMs) }).where(eq(queueEntries.id, row.id)).run(), {
      entityType: 'queue_entry',
      entityId: row.id,
      detail: { from: row.priority, to: input.priority },
    });
    return fetched(ctx.db, row.id);
  },

  'display.createLink': (ctx) => {
    const clinic = clinicContextOf(ctx);
    const key = ctx.write((tx) => createDisplayLink(tx, clinic.clinicId, clinic.nowMs), { entityType: 'display_link', entityId: clinic.clinicId });
    return { key, path: `display.html#key=${key}` };
  },

  'display.revokeLinks': (ctx) => {
    const clinic = clinicContextOf(ctx);
    const revoked = ctx.write((tx) => revokeDisplayLinks(tx, clinic.clinicId, clinic.nowMs), (count) => ({ entityType: 'display_link', entityId: clinic.clinicId, detail: { revoked: count } }));
    return { revoked };
  },
} satisfies Partial<Handlers>;
