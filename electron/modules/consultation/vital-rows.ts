import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { and, asc, eq, gte, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { VitalReading } from '#shared/modules/consultation/calls.ts';
import { flagOf, readingsOf, vitalDefinitions, type VitalsInput } from '#shared/modules/consultation/vitals.ts';
import { localDayBounds } from '#shared/scheduling/slots.ts';
import type { Db } from '../../db/database.ts';
import { encounterVitals, users } from '../../db/schema/index.ts';
import type { EncounterRow } from './tables.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

/** Writes one row per reading (BMI computed), all measured now. Returns their ids. */
export function insertVitals(tx: Db, taken: { clinicId: ClinicId; patientId: PatientId; encounterId: string | null; userId: UserId; nowMs: number; values: VitalsInput }): string[] {
  const now = isoAt(taken.nowMs);
  return readingsOf(taken.values).map(({ kind, value }) => {
    const id = newId();
    const { unit, loinc } = vitalDefinitions[kind];
    tx.insert(encounterVitals)
      .values({ id, clinicId: taken.clinicId, patientId: taken.patientId, encounterId: taken.encounterId, kind, valueHundredths: Math.round(value * 100), unit, loinc, measuredAt: now, recordedByUserId: taken.userId, createdAt: now })
      .run();
    return id;
  });
}

export function vitalsWhere(db: Db, where: SQL | undefined): VitalReading[] {
  return db
    .select({ vital: encounterVitals, recordedByName: users.fullName })
    .from(encounterVitals)
    .leftJoin(users, eq(users.id, encounterVitals.recordedByUserId))
    .where(where)
    .orderBy(asc(encounterVitals.measuredAt), asc(encounterVitals.id))
    .all()
    .map(({ vital, recordedByName }) => {
      const value = vital.valueHundredths / 100;
      return { id: vital.id, encounterId: vital.encounterId, kind: vital.kind, value, unit: vital.unit, loinc: vital.loinc, flag: flagOf(vital.kind, value), measuredAt: vital.measuredAt, recordedByName };
    });
}

/** An encounter's vitals, and those the front desk took for the patient that day before the doctor opened it. */
export function vitalsOfEncounter(db: Db, encounter: EncounterRow, timeZone: string, localDate: string): VitalReading[] {
  const dayStart = localDayBounds(localDate, timeZone).startAt;
  const beforehand = and(isNull(encounterVitals.encounterId), eq(encounterVitals.patientId, encounter.patientId), eq(encounterVitals.clinicId, encounter.clinicId), gte(encounterVitals.measuredAt, dayStart));
  return vitalsWhere(db, or(eq(encounterVitals.encounterId, encounter.id), beforehand));
}

export function vitalsOfPatients(db: Db, patientIds: readonly PatientId[]): VitalReading[] {
  return vitalsWhere(db, inArray(encounterVitals.patientId, [...patientIds]));
}
