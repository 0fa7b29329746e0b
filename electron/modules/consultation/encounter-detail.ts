import type { DeviceId, PatientId } from '#shared/domain/ids.ts';
import type { EncounterDetail } from '#shared/modules/consultation/calls.ts';
import { localDateOf } from '#shared/scheduling/slots.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import { findPatient, mergeSetOf, recordOf } from '../patients/index.ts';
import type { EncounterRow } from './tables.ts';
import { billableItemsOf } from './completion.ts';
import { currentDraft } from './drafts.ts';
import { encounterSummary } from './encounter-rows.ts';
import { problemListOf } from './problem-list.ts';
import { notesOfEncounters, previousNote } from './signed-notes.ts';
import { vitalsOfEncounter } from './vital-rows.ts';

/** Everything the encounter screen shows, read in one go. */
export function encounterDetail(db: Db, clinic: ClinicContext, encounter: EncounterRow, deviceId: DeviceId): EncounterDetail {
  const patient = findPatient(db, encounter.patientId);
  if (patient === undefined) throw new Error('encounter without its patient');
  const survivor = (patient.mergedIntoId === null ? patient : findPatient(db, patient.mergedIntoId)) ?? patient;
  const patientIds: PatientId[] = mergeSetOf(db, survivor.id);
  const { draft, divergent } = currentDraft(db, encounter.id, deviceId);
  return {
    encounter: encounterSummary(db, encounter.id),
    patient: recordOf(db, survivor, null),
    problems: problemListOf(db, patientIds),
    vitals: vitalsOfEncounter(db, encounter, clinic.timeZone, localDateOf(encounter.startedAt, clinic.timeZone)),
    draft,
    divergentDrafts: divergent,
    notes: notesOfEncounters(db, [encounter.id]),
    previousNote: previousNote(db, encounter, patientIds),
    billableItems: billableItemsOf(db, encounter.id),
  };
}
