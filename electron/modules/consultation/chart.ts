import type { PatientId } from '#shared/domain/ids.ts';
import type { Chart } from '#shared/modules/consultation/calls.ts';
import type { Db } from '../../db/database.ts';
import { type findPatient, mergeSetOf, recordOf } from '../patients/index.ts';
import { encountersOfPatients } from './encounter-rows.ts';
import { problemListOf } from './problem-list.ts';
import { notesOfPatients } from './signed-notes.ts';
import { vitalsOfPatients } from './vital-rows.ts';

/**
 * A patient's whole history (under merged records too), newest encounter first. The diagnoses
 * are always there; the notes only for a reader who may read them.
 */
export function chartOf(db: Db, patient: NonNullable<ReturnType<typeof findPatient>>, withNotes: boolean): Chart {
  const patientIds: PatientId[] = mergeSetOf(db, patient.id);
  const encounters = encountersOfPatients(db, patientIds);
  const notes = notesOfPatients(db, patientIds);
  const byEncounter = new Map<string, typeof notes>();
  for (const note of notes) byEncounter.set(note.encounterId, [...(byEncounter.get(note.encounterId) ?? []), note]);
  return {
    patient: recordOf(db, patient, null),
    problems: problemListOf(db, patientIds),
    encounters: encounters.map((encounter) => {
      const its = byEncounter.get(encounter.id) ?? [];
      return { encounter, diagnoses: its.flatMap((note) => note.diagnoses), notes: withNotes ? its : [] };
    }),
    vitals: vitalsOfPatients(db, patientIds),
    summaryOnly: !withNotes,
  };
}
