import type { UserId } from '#shared/domain/ids.ts';
import type { IcdEdition } from '#shared/modules/diagnosis-codes/code-format.ts';
import { TabularImport } from './tabular-import.ts';

export type StagedImport = {
  readonly userId: UserId;
  readonly startedAtMs: number;
  readonly fileName: string;
  readonly edition: IcdEdition;
  readonly version: string;
  readonly reader: TabularImport;
};

// An upload is held here, in memory, between its parts: nothing is written until it finishes,
// and an upload left half way (a closed window) is dropped an hour later.
const ABANDONED_AFTER_MS = 60 * 60 * 1000;
const staged = new Map<string, StagedImport>();

export function stageImport(importId: string, start: Omit<StagedImport, 'reader'>): void {
  for (const [id, upload] of staged) if (start.startedAtMs - upload.startedAtMs > ABANDONED_AFTER_MS || upload.userId === start.userId) staged.delete(id);
  staged.set(importId, { ...start, reader: new TabularImport() });
}

/** The upload with this id, if the same person started it. */
export function stagedImport(importId: string, userId: UserId): StagedImport | undefined {
  const upload = staged.get(importId);
  return upload?.userId === userId ? upload : undefined;
}

export function dropImport(importId: string): void {
  staged.delete(importId);
}
