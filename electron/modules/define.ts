import type { ConflictResolver } from '../api/conflict-resolvers.ts';
import type { SyncParticipant } from '../sync/participants.ts';

/** A feature's part in the core. */
export type CoreModule = {
  readonly name: string;
  /** Its conflict checks, their views and its first-sync hooks, registered with the sync engine. */
  readonly syncParticipant?: SyncParticipant;
  /** The ways out of its kinds of conflict. */
  readonly conflictResolvers?: readonly ConflictResolver[];
};

export function defineCoreModule(module: CoreModule): CoreModule {
  return module;
}
