import type { ConflictResolver } from '../api/conflict-resolvers.ts';
import type { Handlers } from '../api/context.ts';
import type { OpenedDatabase } from '../db/database.ts';
import type { DemoStep } from '../demo/demo-session.ts';
import type { SyncParticipant } from '../sync/participants.ts';

/** A feature's part in the core. */
export type CoreModule<ModuleHandlers extends Partial<Handlers> = Partial<Handlers>> = {
  readonly name: string;
  /** The implementation of each of its calls (thin: checks, then its services). */
  readonly handlers: ModuleHandlers;
  /** Its conflict checks, their views and its first-sync hooks, registered with the sync engine. */
  readonly syncParticipant?: SyncParticipant;
  /** The ways out of its kinds of conflict. */
  readonly conflictResolvers?: readonly ConflictResolver[];
  /** Its part of the demo clinic (npm start -- --demo), run in registry order. */
  readonly demo?: DemoStep;
  /** Work each time the core opens the database, before any call: loading shipped reference data, say. */
  readonly atStart?: (database: OpenedDatabase, nowMs: number) => void;
};

export function defineCoreModule<ModuleHandlers extends Partial<Handlers>>(module: CoreModule<ModuleHandlers>): CoreModule<ModuleHandlers> {
  return module;
}
