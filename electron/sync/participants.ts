import type Database from 'better-sqlite3';
import type { SyncedTableName } from '#shared/sync/tables.ts';
import type { Db } from '../db/database.ts';
import type { AppliedRow } from './table-writer.ts';
import type { DetectedConflict } from './conflicts.ts';
import type { HubBlobs } from './hub-blobs.ts';

// How a module takes part in the workstation's sync beyond declaring its tables: the conflicts it
// looks for in what a pull brings, how a person is shown the rows of one, and what it rebuilds
// after a first sync. The engine calls these; it names no module.

export type ConflictRowView = { readonly id: string; readonly label: string; readonly detail: string };

export type ConflictDetector = {
  /** The table whose pulled rows it looks at. */
  readonly table: SyncedTableName;
  /** Whether a row a pull or a comparison wrote needs a look; marked in the pull's transaction. */
  readonly watches: (row: AppliedRow) => boolean;
  /** The conflicts among marked rows of its table, looked at many at once. */
  readonly detect: (sqlite: Database.Database, db: Db, ids: readonly string[]) => DetectedConflict[];
};

/**
 * What a first sync does to a module's own triggers on synced tables (an index, a total): set
 * aside while the clinic's history is written, then the module rebuilds what they keep, in the
 * transaction that ends the first sync. Triggers no module names stay in place and fire.
 */
export type BulkLoadHooks = {
  /** The names of the triggers it sets aside, as an SQL LIKE pattern. */
  readonly triggers: string;
  readonly afterBulkLoad: (sqlite: Database.Database) => void;
};

/**
 * Where a module keeps references of one series: sync renames a provisional reference the
 * workstation gave out offline (RFC01-M-PROV3-15) to a leased one once the hub leased more.
 */
export type ReferenceRenamer = {
  readonly series: string;
  /** Gives the row holding the provisional reference the leased one; returns that row for the audit log, or null when none holds it. */
  readonly rename: (db: Db, change: { readonly provisional: string; readonly leased: string; readonly nowMs: number }) => { readonly entityType: string; readonly entityId: string } | null;
};

/** What a module's background step at the end of a sync cycle may use. */
export type CycleContext = {
  readonly sqlite: Database.Database;
  readonly db: Db;
  /** The workstation's data folder, where files beside the database live. */
  readonly dataDir: string;
  readonly blobs: HubBlobs;
  readonly nowMs: number;
};

export type SyncParticipant = {
  readonly name: string;
  /**
   * Runs at the end of every page of remote changes, in the page's transaction, while the
   * engine's own writes are not captured: brings up to date what the module's triggers noted
   * (an index of the rows the page touched).
   */
  readonly afterApply?: (sqlite: Database.Database) => void;
  readonly conflictDetectors?: readonly ConflictDetector[];
  /** How each row of a conflict of each of its kinds is shown. */
  readonly conflictRows?: Readonly<Record<string, (sqlite: Database.Database, rowId: string) => ConflictRowView>>;
  readonly bulkLoad?: BulkLoadHooks;
  readonly referenceRenamers?: readonly ReferenceRenamer[];
  /**
   * Background work after each successful push and pull (uploading the files whose rows went up,
   * fetching some ahead). It keeps its own queue and retries at the next cycle; a failure of its
   * own is logged by it, never fails the cycle.
   */
  readonly afterCycle?: (context: CycleContext) => Promise<void>;
};

const participants = new Map<string, SyncParticipant>();
let registeredList: readonly SyncParticipant[] = [];

/** Adds a module's part in sync; registering the same one again changes nothing. */
export function registerSyncParticipant(participant: SyncParticipant): void {
  const held = participants.get(participant.name);
  if (held === participant) return;
  if (held !== undefined) throw new Error(`a sync participant named ${participant.name} is registered already`);
  participants.set(participant.name, participant);
  registeredList = [...participants.values()];
}

export function syncParticipants(): readonly SyncParticipant[] {
  return registeredList;
}

/** Every module's afterApply, in the page's transaction. */
export function runAfterApply(sqlite: Database.Database): void {
  for (const participant of registeredList) participant.afterApply?.(sqlite);
}

/** Every module's background step, one after the other. */
export async function runAfterCycle(context: CycleContext): Promise<void> {
  for (const participant of registeredList) await participant.afterCycle?.(context);
}

export function conflictDetectors(): readonly ConflictDetector[] {
  return registeredList.flatMap((participant) => participant.conflictDetectors ?? []);
}

/** The module's renamer of a series' provisional references, if one keeps that series. */
export function referenceRenamer(series: string): ReferenceRenamer | undefined {
  return registeredList.flatMap((participant) => participant.referenceRenamers ?? []).find((renamer) => renamer.series === series);
}

export function conflictRowView(kind: string): ((sqlite: Database.Database, rowId: string) => ConflictRowView) | undefined {
  for (const participant of registeredList) {
    const view = participant.conflictRows?.[kind];
    if (view !== undefined) return view;
  }
  return undefined;
}
