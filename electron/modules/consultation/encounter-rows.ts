import type { ClinicId, PatientId } from '#shared/domain/ids.ts';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { notFoundError } from '#shared/api/errors.ts';
import type { EncounterSummary } from '#shared/modules/consultation/calls.ts';
import type { Db } from '../../db/database.ts';
import { appointments, clinics, encounters, patients, users } from '../../db/schema/index.ts';
import type { EncounterRow } from './tables.ts';

const doctors = alias(users, 'encounter_doctor');

/** Encounters with their patient, doctor, clinic and appointment, newest first. */
export function encountersWhere(db: Db, where: SQL | undefined): EncounterSummary[] {
  return db
    .select({ encounter: encounters, patient: patients, doctorName: doctors.fullName, clinicCode: clinics.code, appointmentReference: appointments.reference })
    .from(encounters)
    .innerJoin(patients, eq(patients.id, encounters.patientId))
    .innerJoin(clinics, eq(clinics.id, encounters.clinicId))
    .leftJoin(doctors, eq(doctors.id, encounters.doctorUserId))
    .leftJoin(appointments, eq(appointments.id, encounters.appointmentId))
    .where(and(where))
    .orderBy(desc(encounters.startedAt))
    .all()
    .map(({ encounter, patient, doctorName, clinicCode, appointmentReference }) => ({
      id: encounter.id,
      reference: encounter.reference,
      status: encounter.status,
      origin: encounter.origin,
      patient: { id: patient.id, mrn: patient.mrn, givenName: patient.givenName, familyName: patient.familyName },
      doctor: { userId: encounter.doctorUserId, fullName: doctorName ?? '' },
      clinicCode,
      queueEntryId: encounter.queueEntryId,
      appointmentReference,
      startedAt: encounter.startedAt,
      signedAt: encounter.signedAt,
      completedAt: encounter.completedAt,
    }));
}

export function encounterSummary(db: Db, id: string): EncounterSummary {
  const summary = encountersWhere(db, eq(encounters.id, id))[0];
  if (summary === undefined) throw notFoundError('No such encounter on this workstation.');
  return summary;
}

/** An encounter of this clinic. */
export function requireEncounter(db: Db, clinicId: ClinicId, id: string): EncounterRow {
  const row = db.select().from(encounters).where(and(eq(encounters.id, id), eq(encounters.clinicId, clinicId))).get();
  if (row === undefined || row.deletedAt !== null) throw notFoundError('No such encounter in this clinic.');
  return row;
}

export function encountersOfPatients(db: Db, patientIds: readonly PatientId[]): EncounterSummary[] {
  return encountersWhere(db, inArray(encounters.patientId, [...patientIds]));
}
