import type { z } from 'zod';
import type { SyncTableDeclarations } from '../sync/tables.ts';

/**
 * A kind of conflict a merge cannot decide (SYNC.md §6), and the ways a person may resolve one,
 * each an input schema whose `kind` names it. Keeping both records is always offered besides.
 */
export type ConflictDeclaration = { readonly kind: string; readonly actions: readonly z.ZodObject<{ kind: z.ZodLiteral<string> }>[] };

/** A feature's shared part: what both the core and the renderer know of it. */
export type SharedModule<Conflict extends ConflictDeclaration = ConflictDeclaration> = {
  readonly name: string;
  /** Its replicated tables, registered with the sync engine at start-up. */
  readonly syncTables: SyncTableDeclarations;
  readonly conflicts: readonly Conflict[];
};

export function defineSharedModule<const Conflict extends ConflictDeclaration = never>(module: SharedModule<Conflict>): SharedModule<Conflict> {
  return module;
}
