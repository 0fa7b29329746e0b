import type { DeviceId, UserId } from '#shared/domain/ids.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { NoteDraft } from '#shared/modules/consultation/calls.ts';
import { diagnosisInputSchema, type DiagnosisInput, type SoapNote } from '#shared/modules/consultation/encounter.ts';
import type { Db } from '../../db/database.ts';
import { devices, encounterNoteDrafts } from '../../db/schema/index.ts';
import type { EncounterRow, NoteDraftRow } from './tables.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

// Each workstation keeps its own draft of an encounter's note; a draft names the one it continued
// (and at which version). One that another continued at its latest version is handed over, not
// lost; two that do not continue each other were written at the same time, and the doctor settles
// them by saving again on top of the other's.

const storedDiagnoses = z.array(diagnosisInputSchema);

type DraftWithDevice = { row: NoteDraftRow; deviceName: string };

function draftOf({ row, deviceName }: DraftWithDevice): NoteDraft {
  return {
    id: row.id,
    version: row.version,
    subjective: row.subjective,
    objective: row.objective,
    assessment: row.assessment,
    plan: row.plan,
    diagnoses: storedDiagnoses.parse(JSON.parse(row.diagnosesJson)),
    updatedAt: row.updatedAt,
    deviceName,
  };
}

function draftsOf(db: Db, encounterId: string): DraftWithDevice[] {
  return db
    .select({ row: encounterNoteDrafts, deviceName: devices.name })
    .from(encounterNoteDrafts)
    .leftJoin(devices, eq(devices.id, encounterNoteDrafts.deviceId))
    .where(and(eq(encounterNoteDrafts.encounterId, encounterId), isNull(encounterNoteDrafts.deletedAt)))
    .all()
    .map(({ row, deviceName }) => ({ row, deviceName: deviceName ?? 'another workstation' }));
}

/** Whether `later` continued `earlier` as it last stood. */
function continues(later: NoteDraftRow, earlier: NoteDraftRow): boolean {
  return later.basedOnDraftId === earlier.id && (later.basedOnVersion ?? -1) >= earlier.version;
}

function sameText(a: NoteDraftRow, b: NoteDraftRow): boolean {
  return a.subjective === b.subjective && a.objective === b.objective && a.assessment === b.assessment && a.plan === b.plan && a.diagnosesJson === b.diagnosesJson;
}

/** The drafts no other continued: the ends of the encounter's lines of editing. */
function liveDrafts(all: readonly DraftWithDevice[]): DraftWithDevice[] {
  return all.filter((candidate) => !all.some((other) => other.row.id !== candidate.row.id && continues(other.row, candidate.row)));
}

/**
 * The drafts of an encounter written at the same time with different texts, whichever
 * workstation looks: empty when there is one line of editing or its ends say the same.
 */
export function divergedDraftIds(db: Db, encounterId: string): string[] {
  const live = liveDrafts(draftsOf(db, encounterId));
  const [first] = live;
  if (first === undefined || live.every((other) => sameText(other.row, first.row))) return [];
  return live.map((draft) => draft.row.id);
}

/**
 * The draft to show: the one no other continued, this workstation's first among several; and the
 * drafts written at the same time as it on other workstations, which must be settled before signing.
 */
export function currentDraft(db: Db, encounterId: string, deviceId: DeviceId): { draft: NoteDraft | null; divergent: NoteDraft[] } {
  const live = liveDrafts(draftsOf(db, encounterId));
  const ordered = live.sort((a, b) => Number(b.row.deviceId === deviceId) - Number(a.row.deviceId === deviceId) || b.row.updatedAt.localeCompare(a.row.updatedAt));
  const [chosen, ...rest] = ordered;
  if (chosen === undefined) return { draft: null, divergent: [] };
  return { draft: draftOf(chosen), divergent: rest.filter((other) => !sameText(other.row, chosen.row)).map(draftOf) };
}

export type DraftSave = {
  readonly encounter: EncounterRow;
  readonly deviceId: DeviceId;
  readonly userId: UserId;
  readonly nowMs: number;
  readonly note: SoapNote;
  readonly diagnoses: readonly DiagnosisInput[];
  readonly basedOn: { draftId: string; version: number } | null;
};

/** Writes this workstation's draft (one row, replaced whole inside the transaction: never half a note). */
export function saveDraft(tx: Db, save: DraftSave): string {
  const now = isoAt(save.nowMs);
  const own = tx
    .select()
    .from(encounterNoteDrafts)
    .where(and(eq(encounterNoteDrafts.encounterId, save.encounter.id), eq(encounterNoteDrafts.deviceId, save.deviceId)))
    .get();
  // Continuing another workstation's draft records which one; continuing its own keeps what it recorded.
  const basedOn = save.basedOn !== null && save.basedOn.draftId !== own?.id ? { basedOnDraftId: save.basedOn.draftId, basedOnVersion: save.basedOn.version } : {};
  const text = { ...save.note, diagnosesJson: JSON.stringify(save.diagnoses), authorUserId: save.userId, updatedAt: now, deletedAt: null };
  if (own !== undefined) {
    tx.update(encounterNoteDrafts).set({ ...text, ...basedOn, version: own.version + 1 }).where(eq(encounterNoteDrafts.id, own.id)).run();
    return own.id;
  }
  const id = newId();
  tx.insert(encounterNoteDrafts)
    .values({ id, encounterId: save.encounter.id, patientId: save.encounter.patientId, deviceId: save.deviceId, version: 1, ...text, ...basedOn, createdAt: now })
    .run();
  return id;
}

export function draftById(db: Db, encounterId: string, draftId: string): NoteDraft | undefined {
  const found = draftsOf(db, encounterId).find((candidate) => candidate.row.id === draftId);
  return found === undefined ? undefined : draftOf(found);
}
