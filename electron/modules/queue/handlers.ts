import { and, eq, inArray } from 'drizzle-orm';
import { conflictError, notFoundError } from '#shared/api/errors.ts';
import { priorityForAppointment, type QueueStatus } from '#shared/modules/queue/queue.ts';
import { clinicContextOf } from '../../api/clinic-context.ts';
import { clinicOf, type CallContext, type Handlers } from '../../api/context.ts';
import type { Db } from '../../db/database.ts';
import { queueEntries } from '../../db/schema/index.ts';
import type { QueueEntryRow } from './tables.ts';
import { isoAt } from '../../platform/clock.ts';
import { appointmentToCheckIn, checkIn } from '../appointments/index.ts';
import { doctorIn } from '../doctors/index.ts';
import { findPatient, isVisibleIn } from '../patients/index.ts';
import { createDisplayLink, revokeDisplayLinks } from './display/display-links.ts';
import { queueEntriesWhere, queueEntryById } from './queue-rows.ts';
import { addEntry, requireEntry, stepOf, takeStep } from './queue-steps.ts';

function fetched(db: Db, id: string) {
  const entry = queueEntryById(db, id);
  if (entry === undefined) throw new Error('queue entry vanished');
  return entry;
}

/** Moves an entry along its state machine, stamping the time of the step. */
function moveEntry(ctx: CallContext, entryId: string, to: QueueStatus, extra: Partial<QueueEntryRow> = {}) {
  const clinic = clinicContextOf(ctx);
  const row = requireEntry(ctx.db, clinic.clinicId, entryId);
  const { roles, userId } = clinicOf(ctx);
  const actor = { roles, userId };
  const step = { ...stepOf(row, to, actor, clinic.nowMs), ...extra };
  ctx.write((tx) => takeStep(tx, row, step, actor, clinic.nowMs), { entityType: 'queue_entry', entityId: row.id, detail: { from: row.status, to } });
  return fetched(ctx.db, row.id);
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
    const appointment = appointmentToCheckIn(ctx.db, clinic, input.appointmentId);
    const id = ctx.write(
      (tx) => {
        const entryId = addEntry(tx, clinic, { patientId: appointment.patientId, appointmentId: appointment.id, doctorUserId: appointment.doctorUserId, priority: input.priority ?? priorityForAppointment(appointment.type) });
        checkIn(tx, appointment.id, clinic.userId, clinic.nowMs);
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
    const id = ctx.write((tx) => addEntry(tx, clinic, { patientId: patient.id, appointmentId: null, doctorUserId: input.doctorUserId, priority: input.priority }), (entryId) => ({
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
    const row = requireEntry(ctx.db, clinic.clinicId, input.entryId);
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
