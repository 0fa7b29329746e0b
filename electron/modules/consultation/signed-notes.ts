import type { DeviceId, PatientId, UserId } from '#shared/domain/ids.ts';
import { and, asc, desc, eq, inArray, lt, ne, type SQL } from 'drizzle-orm';
import { conflictError, forbiddenError, notFoundError } from '#shared/api/errors.ts';
import type { SignedNote } from '#shared/modules/consultation/calls.ts';
import { diagnosisListProblem, isBlankNote, type DiagnosisInput, type SoapNote } from '#shared/modules/consultation/encounter.ts';
import type { Db } from '../../db/database.ts';
import { encounterDiagnoses, encounterNotes, encounters, users } from '../../db/schema/index.ts';
import type { EncounterRow, SignedNoteRow } from './tables.ts';
import { currentDraft } from './drafts.ts';
import { runSigningSteps } from './signing-steps.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

// Signing turns the draft into ledger rows: the note and its diagnoses, written once and never
// changed (the database refuses it too). A correction is an amendment that names the original.

type Signer = { readonly userId: UserId; readonly deviceId: DeviceId; readonly nowMs: number };

function insertNote(tx: Db, encounter: EncounterRow, signer: Signer, note: SoapNote, diagnoses: readonly DiagnosisInput[], amendment: { amendsNoteId: string; reason: string } | null): string {
  const id = newId();
  const now = isoAt(signer.nowMs);
  tx.insert(encounterNotes)
    .values({
      id,
      encounterId: encounter.id,
      patientId: encounter.patientId,
      kind: amendment === null ? 'ORIGINAL' : 'AMENDMENT',
      amendsNoteId: amendment?.amendsNoteId ?? null,
      reason: amendment?.reason ?? '',
      ...note,
      authorUserId: signer.userId,
      deviceId: signer.deviceId,
      signedAt: now,
      createdAt: now,
    })
    .run();
  for (const diagnosis of diagnoses) {
    tx.insert(encounterDiagnoses).values({ id: newId(), encounterId: encounter.id, noteId: id, patientId: encounter.patientId, ...diagnosis, createdAt: now }).run();
  }
  return id;
}

/** Signs the draft the doctor saw (its id and version), and with it the encounter. */
export function signEncounter(tx: Db, encounter: EncounterRow, signer: Signer, seen: { draftId: string; version: number }): string {
  if (encounter.doctorUserId !== signer.userId) throw forbiddenError('Only the doctor of this encounter signs it.');
  if (encounter.status !== 'OPEN') throw conflictError('This encounter is already signed; a correction is an amendment.');
  const { draft, divergent } = currentDraft(tx, encounter.id, signer.deviceId);
  if (divergent.length > 0) throw conflictError(`This note was also changed on ${divergent.map((other) => other.deviceName).join(', ')} at the same time; choose what to keep before signing.`);
  if (draft === null || draft.id !== seen.draftId || draft.version !== seen.version) throw conflictError('The note changed since you last saw it; check it and sign again.');
  if (isBlankNote(draft)) throw conflictError('The note is empty; write at least one part before signing.');
  const problem = diagnosisListProblem(draft.diagnoses);
  if (problem !== null) throw conflictError(problem, 'diagnoses');
  const { subjective, objective, assessment, plan } = draft;
  const noteId = insertNote(tx, encounter, signer, { subjective, objective, assessment, plan }, draft.diagnoses, null);
  runSigningSteps(tx, encounter, signer);
  const now = isoAt(signer.nowMs);
  tx.update(encounters).set({ status: 'SIGNED', signedAt: now, updatedAt: now }).where(eq(encounters.id, encounter.id)).run();
  return noteId;
}

export function requireNote(db: Db, noteId: string): SignedNoteRow {
  const row = db.select().from(encounterNotes).where(eq(encounterNotes.id, noteId)).get();
  if (row === undefined) throw notFoundError('No such signed note on this workstation.');
  return row;
}

/** A correction of a signed note, with its reason; it always names the original, never another amendment. */
export function amendNote(tx: Db, encounter: EncounterRow, original: SignedNoteRow, signer: Signer, amendment: { note: SoapNote; diagnoses: readonly DiagnosisInput[]; reason: string }): string {
  if (isBlankNote(amendment.note) && amendment.diagnoses.length === 0) throw conflictError('The amendment is empty; write the correction.');
  const rootId = original.amendsNoteId ?? original.id;
  const signed = new Set(diagnosesOfNotes(tx, [rootId]).get(rootId)?.map((diagnosis) => diagnosis.code) ?? []);
  const repeated = amendment.diagnoses.find((diagnosis) => signed.has(diagnosis.code));
  if (repeated !== undefined) throw conflictError(`${repeated.code} is already a diagnosis of this note.`, 'diagnoses');
  return insertNote(tx, encounter, signer, amendment.note, amendment.diagnoses, { amendsNoteId: rootId, reason: amendment.reason });
}

type DiagnosisRow = typeof encounterDiagnoses.$inferSelect;

function diagnosesByNote(rows: readonly DiagnosisRow[]) {
  const byNote = new Map<string, SignedNote['diagnoses']>();
  for (const row of rows) {
    const list = byNote.get(row.noteId) ?? [];
    list.push({ id: row.id, code: row.code, title: row.title, rank: row.rank, certainty: row.certainty, chronic: row.chronic });
    byNote.set(row.noteId, list);
  }
  return byNote;
}

function diagnosesOfNotes(db: Db, noteIds: readonly string[]) {
  if (noteIds.length === 0) return new Map<string, SignedNote['diagnoses']>();
  return diagnosesByNote(db.select().from(encounterDiagnoses).where(inArray(encounterDiagnoses.noteId, [...noteIds])).orderBy(asc(encounterDiagnoses.rank), asc(encounterDiagnoses.createdAt)).all());
}

type NoteWithAuthor = { note: SignedNoteRow; authorName: string | null };

function signedNotesOf(rows: readonly NoteWithAuthor[], diagnoses: ReadonlyMap<string, SignedNote['diagnoses']>): SignedNote[] {
  return rows.map(({ note, authorName }) => ({
    id: note.id,
    encounterId: note.encounterId,
    kind: note.kind,
    amendsNoteId: note.amendsNoteId,
    reason: note.reason,
    subjective: note.subjective,
    objective: note.objective,
    assessment: note.assessment,
    plan: note.plan,
    authorName: authorName ?? '',
    signedAt: note.signedAt,
    diagnoses: diagnoses.get(note.id) ?? [],
  }));
}

function notesWhere(db: Db, where: SQL) {
  return db.select({ note: encounterNotes, authorName: users.fullName }).from(encounterNotes).leftJoin(users, eq(users.id, encounterNotes.authorUserId)).where(where).orderBy(asc(encounterNotes.signedAt), asc(encounterNotes.id)).all();
}

/** Signed notes and amendments of encounters, oldest first, each with its diagnoses. */
export function notesOfEncounters(db: Db, encounterIds: readonly string[]): SignedNote[] {
  if (encounterIds.length === 0) return [];
  const rows = notesWhere(db, inArray(encounterNotes.encounterId, [...encounterIds]));
  return signedNotesOf(rows, diagnosesOfNotes(db, rows.map(({ note }) => note.id)));
}

/** Every signed note of a patient (a chart), read by the patient's index rather than encounter by encounter. */
export function notesOfPatients(db: Db, patientIds: readonly PatientId[]): SignedNote[] {
  const rows = notesWhere(db, inArray(encounterNotes.patientId, [...patientIds]));
  const diagnoses = db.select().from(encounterDiagnoses).where(inArray(encounterDiagnoses.patientId, [...patientIds])).orderBy(asc(encounterDiagnoses.rank), asc(encounterDiagnoses.createdAt)).all();
  return signedNotesOf(rows, diagnosesByNote(diagnoses));
}

/** The patient's last signed note before this encounter began. */
export function previousNote(db: Db, encounter: EncounterRow, patientIds: readonly PatientId[]): SignedNote | null {
  const previous = db
    .select({ id: encounters.id })
    .from(encounters)
    .innerJoin(encounterNotes, and(eq(encounterNotes.encounterId, encounters.id), eq(encounterNotes.kind, 'ORIGINAL')))
    .where(and(inArray(encounters.patientId, [...patientIds]), ne(encounters.id, encounter.id), lt(encounters.startedAt, encounter.startedAt)))
    .orderBy(desc(encounters.startedAt))
    .get();
  if (previous === undefined) return null;
  const notes = notesOfEncounters(db, [previous.id]);
  return notes.find((note) => note.kind === 'ORIGINAL') ?? null;
}
