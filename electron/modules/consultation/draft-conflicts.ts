import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import type Database from 'better-sqlite3';
import { noteDraftsDivergedConflict } from '#shared/modules/consultation/conflicts.ts';
import type { Db } from '../../db/database.ts';
import { statement } from '../../db/statements.ts';
import { detectedConflict, hasOpenConflictNaming, resolveOpenConflictsNaming, type DetectedConflict } from '../../sync/conflicts.ts';
import type { ConflictDetector, ConflictRowView } from '../../sync/participants.ts';
import { divergedDraftIds } from './drafts.ts';

const { kind } = noteDraftsDivergedConflict;

/** Drafts a pull brought that leave their encounter with two different notes: one conflict per encounter, named by it and its drafts. */
function divergedEncounters(sqlite: Database.Database, db: Db, draftIds: readonly string[]): DetectedConflict[] {
  if (draftIds.length === 0) return [];
  const encounters = statement(
    sqlite,
    `select distinct e.id, e.clinic_id from json_each(?) page join encounter_note_drafts d on d.id = page.value join encounters e on e.id = d.encounter_id where e.status = 'OPEN'`,
  ).all(JSON.stringify(draftIds)) as { id: string; clinic_id: ClinicId }[];
  return encounters.flatMap((encounter) => {
    const diverged = divergedDraftIds(db, encounter.id);
    return diverged.length === 0 ? [] : [detectedConflict(kind, encounter.clinic_id, [encounter.id, ...diverged])];
  });
}

export const divergedDraftsDetector: ConflictDetector = { table: 'encounter_note_drafts', watches: () => true, detect: divergedEncounters };

/** The encounter ("Visit RFC01-V12 · Priya Sharma, RFC01-M1001") or one of its drafts (which workstation, when); never the note's text. */
export function divergedDraftsRow(sqlite: Database.Database, id: string): ConflictRowView {
  const encounter = statement(sqlite, `select e.reference, p.given_name || ' ' || p.family_name as name, p.mrn from encounters e join patients p on p.id = e.patient_id where e.id = ?`).get(id) as
    | { reference: string; name: string; mrn: string }
    | undefined;
  if (encounter !== undefined) return { id, label: `Visit ${encounter.reference}`, detail: `${encounter.name} · ${encounter.mrn}` };
  const draft = statement(sqlite, `select coalesce(v.name, 'another workstation') as device, d.updated_at from encounter_note_drafts d left join devices v on v.id = d.device_id where d.id = ?`).get(id) as
    | { device: string; updated_at: string }
    | undefined;
  if (draft === undefined) return { id, label: 'Note draft not on this workstation', detail: '' };
  return { id, label: `Note as written at ${draft.device}`, detail: `last changed ${draft.updated_at}` };
}

/**
 * Once the encounter has one note again (settled, or signed), its conflict is over. Every autosave
 * comes here: the drafts are read again only when an open conflict names the encounter.
 */
export function settleDivergedDrafts(tx: Db, clinicId: ClinicId, encounterId: string, by: { readonly userId: UserId; readonly nowMs: number }): void {
  if (!hasOpenConflictNaming(tx, kind, clinicId, encounterId) || divergedDraftIds(tx, encounterId).length > 0) return;
  resolveOpenConflictsNaming(tx, kind, clinicId, encounterId, { ...by, resolution: 'The doctor chose what to keep on the encounter screen' });
}
