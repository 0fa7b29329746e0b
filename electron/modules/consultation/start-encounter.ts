import type { DeviceId, PatientId, UserId } from '#shared/domain/ids.ts';
import { and, eq, inArray } from 'drizzle-orm';
import { conflictError, notFoundError } from '#shared/api/errors.ts';
import type { Role } from '#shared/domain/roles.ts';
import { referenceSeries } from '#shared/domain/reference-numbers.ts';
import type { EncounterOrigin } from '#shared/modules/consultation/encounter.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import { encounters } from '../../db/schema/index.ts';
import { findPatient, isVisibleIn } from '../patients/index.ts';
import { requireEntry, stepOf, takeStep } from '../queue/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { issueReference } from '../../references/issue-reference.ts';

export type Opener = { readonly clinic: ClinicContext; readonly roles: readonly Role[]; readonly deviceId: DeviceId };

/** A patient this clinic sees, on their surviving record. */
export function requireTreatablePatient(db: Db, clinic: ClinicContext, patientId: PatientId) {
  const patient = findPatient(db, patientId);
  if (patient === undefined || !isVisibleIn(db, patient, clinic.clinicId)) throw notFoundError('No such patient in this clinic.');
  if (patient.mergedIntoId !== null) throw conflictError('This record was merged into another; open the surviving record.', 'patientId');
  return patient;
}

/** The encounter still open for a queue entry (a doctor who comes back to it resumes it). */
export function openEncounterOfEntry(db: Db, queueEntryId: string): string | undefined {
  return db
    .select({ id: encounters.id })
    .from(encounters)
    .where(and(eq(encounters.queueEntryId, queueEntryId), inArray(encounters.status, ['OPEN', 'SIGNED'])))
    .get()?.id;
}

function insertEncounter(tx: Db, opener: Opener, encounter: { patientId: PatientId; doctorUserId: UserId; origin: EncounterOrigin; queueEntryId: string | null; appointmentId: string | null }): string {
  const { clinic } = opener;
  const { reference } = issueReference(tx, { clinicId: clinic.clinicId, clinicCode: clinic.code, series: referenceSeries.visit, deviceId: opener.deviceId, nowMs: clinic.nowMs });
  const id = newId();
  const now = isoAt(clinic.nowMs);
  tx.insert(encounters)
    .values({ id, clinicId: clinic.clinicId, reference, deviceId: opener.deviceId, ...encounter, status: 'OPEN', startedAt: now, createdAt: now, updatedAt: now })
    .run();
  return id;
}

/**
 * The doctor starts the consultation of a queue entry: the entry goes to In consultation by the
 * queue's own rules, and an encounter opens linked to the entry and its appointment, in one write.
 */
export function startFromQueue(tx: Db, opener: Opener, queueEntryId: string): string {
  const { clinic } = opener;
  const entry = requireEntry(tx, clinic.clinicId, queueEntryId);
  const resumed = entry.status === 'IN_CONSULTATION' ? openEncounterOfEntry(tx, entry.id) : undefined;
  if (resumed !== undefined) return resumed;
  requireTreatablePatient(tx, clinic, entry.patientId);
  const actor = { roles: opener.roles, userId: clinic.userId };
  takeStep(tx, entry, stepOf(entry, 'IN_CONSULTATION', actor, clinic.nowMs), actor, clinic.nowMs);
  return insertEncounter(tx, opener, { patientId: entry.patientId, doctorUserId: clinic.userId, origin: 'QUEUE', queueEntryId: entry.id, appointmentId: entry.appointmentId });
}

/** An encounter opened from a patient's chart, outside the queue (a phone consultation, a patient seen on a round). */
export function startUnscheduled(tx: Db, opener: Opener, patientId: PatientId): string {
  const patient = requireTreatablePatient(tx, opener.clinic, patientId);
  return insertEncounter(tx, opener, { patientId: patient.id, doctorUserId: opener.clinic.userId, origin: 'UNSCHEDULED', queueEntryId: null, appointmentId: null });
}
