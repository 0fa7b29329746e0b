import type { SyncConflict } from '#shared/api/calls/sync.ts';
import type { ConflictAction } from '../../modules/define.ts';
import { conflictPresentations } from '../../modules/registry.ts';

export type { ConflictAction };

// The Sync screen names no feature: each module says how its kinds of conflict show
// (renderer/modules/<name>/module.ts); keeping both is every conflict's way out.

/** The ways out of one conflict, each with the words of its button. */
export function actionsFor(conflict: SyncConflict): { label: string; action: ConflictAction }[] {
  const own = conflictPresentations.get(conflict.kind)?.actions(conflict.rows) ?? [];
  return [...own, { label: 'Keep both', action: { kind: 'keepBoth' } }];
}

export function conflictKindLabel(kind: SyncConflict['kind']): string {
  return conflictPresentations.get(kind)?.label ?? 'Conflict';
}

export function conflictKindSentence(kind: SyncConflict['kind']): string {
  return conflictPresentations.get(kind)?.sentence ?? 'Two workstations changed the same records while they were apart. Keep both, or resolve it on a newer version of the app.';
}
