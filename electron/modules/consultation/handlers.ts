import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { holdsAnyRole } from '#shared/domain/roles.ts';
import { localDayBounds } from '#shared/scheduling/slots.ts';
import { clinicContextOf } from '../../api/clinic-context.ts';
import { clinicOf, type CallContext, type Handlers } from '../../api/context.ts';
import { encounters, queueEntries } from '../../db/schema/index.ts';
import { appointmentsBetween } from '../appointments/index.ts';
import { mergeSetOf } from '../patients/index.ts';
import { queueEntriesWhere } from '../queue/index.ts';
import { chartOf } from './chart.ts';
import { completeEncounter } from './completion.ts';
import { settleDivergedDrafts } from './draft-conflicts.ts';
import { draftById, saveDraft } from './drafts.ts';
import { encounterDetail } from './encounter-detail.ts';
import { encounterSummary, encountersWhere, requireEncounter } from './encounter-rows.ts';
import { saveTemplate, templatesFor } from './note-templates.ts';
import { amendNote, notesOfEncounters, requireNote, signEncounter } from './signed-notes.ts';
import { requireTreatablePatient, startFromQueue, startUnscheduled, type Opener } from './start-encounter.ts';
import { insertVitals, vitalsWhere } from './vital-rows.ts';
import { encounterVitals } from '../../db/schema/index.ts';
import { conflictError, notFoundError } from '#shared/api/errors.ts';

function openerOf(ctx: CallContext): Opener {
  return { clinic: clinicContextOf(ctx), roles: clinicOf(ctx).roles, deviceId: ctx.deviceId };
}

function fetchedNote(ctx: CallContext, encounterId: string, noteId: string) {
  const note = notesOfEncounters(ctx.db, [encounterId]).find((candidate) => candidate.id === noteId);
  if (note === undefined) throw new Error('signed note vanished');
  return note;
}

export const consultationHandlers = {
  'consultation.worklist': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const date = input.date ?? clinic.today;
    const { startAt, endAt } = localDayBounds(date, clinic.timeZone);
    const mine = or(eq(queueEntries.doctorUserId, clinic.userId), isNull(queueEntries.doctorUserId));
    const queue = queueEntriesWhere(ctx.db, and(eq(queueEntries.clinicId, clinic.clinicId), eq(queueEntries.serviceDate, date), inArray(queueEntries.status, ['WAITING', 'CALLED', 'IN_CONSULTATION']), mine));
    const appointments = appointmentsBetween(ctx.db, clinic.clinicId, startAt, endAt, []).filter((appointment) => appointment.doctor.userId === clinic.userId);
    const openEncounters = encountersWhere(ctx.db, and(eq(encounters.clinicId, clinic.clinicId), eq(encounters.doctorUserId, clinic.userId), inArray(encounters.status, ['OPEN', 'SIGNED'])));
    return { date, queue, appointments, openEncounters };
  },

  'consultation.start': (ctx, input) => {
    const opener = openerOf(ctx);
    const id = ctx.write(
      (tx) => startFromQueue(tx, opener, input.queueEntryId),
      (encounterId) => ({ entityType: 'encounter', entityId: encounterId, detail: { queueEntryId: input.queueEntryId } }),
    );
    return encounterSummary(ctx.db, id);
  },

  'consultation.startUnscheduled': (ctx, input) => {
    const opener = openerOf(ctx);
    const id = ctx.write(
      (tx) => startUnscheduled(tx, opener, input.patientId),
      (encounterId) => ({ entityType: 'encounter', entityId: encounterId, detail: { patientId: input.patientId, unscheduled: true } }),
    );
    return encounterSummary(ctx.db, id);
  },

  'consultation.get': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const encounter = requireEncounter(ctx.db, clinic.clinicId, input.encounterId);
    // Reading a patient's clinical record is audited like a change.
    ctx.write(() => null, { entityType: 'encounter', entityId: encounter.id, detail: { patientId: encounter.patientId } });
    return encounterDetail(ctx.db, clinic, encounter, ctx.deviceId);
  },

  'consultation.recordVitals': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const patient = requireTreatablePatient(ctx.db, clinic, input.patientId);
    if (input.encounterId !== null) {
      const encounter = requireEncounter(ctx.db, clinic.clinicId, input.encounterId);
      if (encounter.patientId !== patient.id) throw conflictError('This encounter is another patient’s.');
      if (encounter.status === 'COMPLETED') throw conflictError('This encounter is completed; record the vitals in a new one.');
    }
    const ids = ctx.write(
      (tx) => insertVitals(tx, { clinicId: clinic.clinicId, patientId: patient.id, encounterId: input.encounterId, userId: clinic.userId, nowMs: clinic.nowMs, values: input.values }),
      (written) => ({ entityType: 'patient', entityId: patient.id, detail: { encounterId: input.encounterId, readings: written.length } }),
    );
    return { readings: vitalsWhere(ctx.db, inArray(encounterVitals.id, ids)) };
  },

  'consultation.saveDraft': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const encounter = requireEncounter(ctx.db, clinic.clinicId, input.encounterId);
    if (encounter.status !== 'OPEN') throw conflictError('This encounter is signed; a correction is an amendment.');
    const { encounterId, diagnoses, basedOn, ...note } = input;
    const id = ctx.write(
      (tx) => {
        const draftId = saveDraft(tx, { encounter, deviceId: ctx.deviceId, userId: clinic.userId, nowMs: clinic.nowMs, note, diagnoses, basedOn });
        settleDivergedDrafts(tx, encounter.clinicId, encounter.id, { userId: clinic.userId, nowMs: clinic.nowMs });
        return draftId;
      },
      // Which draft, never what it says.
      (draftId) => ({ entityType: 'encounter', entityId: encounterId, detail: { draftId } }),
    );
    const draft = draftById(ctx.db, encounter.id, id);
    if (draft === undefined) throw new Error('saved draft vanished');
    return draft;
  },

  'consultation.sign': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const encounter = requireEncounter(ctx.db, clinic.clinicId, input.encounterId);
    const noteId = ctx.write(
      (tx) => {
        const signedId = signEncounter(tx, encounter, { userId: clinic.userId, deviceId: ctx.deviceId, nowMs: clinic.nowMs }, { draftId: input.draftId, version: input.version });
        settleDivergedDrafts(tx, encounter.clinicId, encounter.id, { userId: clinic.userId, nowMs: clinic.nowMs });
        return signedId;
      },
      (signedId) => ({ entityType: 'encounter', entityId: encounter.id, detail: { noteId: signedId } }),
    );
    return fetchedNote(ctx, encounter.id, noteId);
  },

  'consultation.amend': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const original = requireNote(ctx.db, input.noteId);
    const encounter = requireEncounter(ctx.db, clinic.clinicId, original.encounterId);
    const { noteId, reason, diagnoses, ...note } = input;
    const amendmentId = ctx.write(
      (tx) => amendNote(tx, encounter, original, { userId: clinic.userId, deviceId: ctx.deviceId, nowMs: clinic.nowMs }, { note, diagnoses, reason }),
      (id) => ({ entityType: 'encounter', entityId: encounter.id, detail: { amends: noteId, amendmentId: id } }),
    );
    return fetchedNote(ctx, encounter.id, amendmentId);
  },

  'consultation.complete': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const { roles } = clinicOf(ctx);
    const encounter = requireEncounter(ctx.db, clinic.clinicId, input.encounterId);
    const seenBefore = ctx.db
      .select({ id: encounters.id })
      .from(encounters)
      .where(and(inArray(encounters.patientId, mergeSetOf(ctx.db, encounter.patientId)), eq(encounters.status, 'COMPLETED')))
      .get() !== undefined;
    ctx.write((tx) => completeEncounter(tx, encounter, { userId: clinic.userId, roles, nowMs: clinic.nowMs }, input.items, seenBefore), {
      entityType: 'encounter',
      entityId: encounter.id,
      detail: { items: input.items.length, queueEntryId: encounter.queueEntryId },
    });
    return encounterSummary(ctx.db, encounter.id);
  },

  'consultation.chart': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const { roles } = clinicOf(ctx);
    const patient = requireTreatablePatient(ctx.db, clinic, input.patientId);
    const withNotes = holdsAnyRole(roles, ['DOCTOR']);
    // Every opening of a chart: who (the session), which patient, when and from which workstation (the audit row).
    ctx.write(() => null, { entityType: 'patient', entityId: patient.id, detail: { chart: withNotes ? 'full' : 'summary' } });
    return chartOf(ctx.db, patient, withNotes);
  },

  'consultation.templates': (ctx) => {
    const clinic = clinicContextOf(ctx);
    return { templates: templatesFor(ctx.db, clinic.clinicId, clinic.userId) };
  },

  'consultation.saveTemplate': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const id = ctx.write((tx) => saveTemplate(tx, { clinicId: clinic.clinicId, userId: clinic.userId, nowMs: clinic.nowMs }, input), (templateId) => ({ entityType: 'note_template', entityId: templateId }));
    const saved = templatesFor(ctx.db, clinic.clinicId, clinic.userId).find((template) => template.id === id);
    if (saved === undefined) throw notFoundError('The template was saved but cannot be read back.');
    return saved;
  },
} satisfies Partial<Handlers>;
