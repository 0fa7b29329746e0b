import type { z } from 'zod';
import type { CallSpec } from '../api/define.ts';
import type { SubjectDeclaration, SyncTableDeclarations } from '../sync/tables.ts';

/**
 * A kind of conflict a merge cannot decide (SYNC.md §6), and the ways a person may resolve one,
 * each an input schema whose `kind` names it. Keeping both records is always offered besides.
 */
export type ConflictDeclaration = { readonly kind: string; readonly actions: readonly z.ZodObject<{ kind: z.ZodLiteral<string> }>[] };

/** A feature's shared part: what both the core and the renderer know of it. */
export type SharedModule<Conflict extends ConflictDeclaration = ConflictDeclaration, Calls extends Record<string, CallSpec> = Record<string, CallSpec>> = {
  readonly name: string;
  /** Its calls: each one's name, input and output schemas, and who may make it. */
  readonly calls: Calls;
  /** What its clinics share by explicit links (a patient, a user), registered before the tables. */
  readonly subjects?: readonly SubjectDeclaration[];
  /** Its replicated tables, registered with the sync engine at start-up. */
  readonly syncTables: SyncTableDeclarations;
  readonly conflicts: readonly Conflict[];
};

export function defineSharedModule<const Conflict extends ConflictDeclaration = never, Calls extends Record<string, CallSpec> = Record<string, never>>(module: SharedModule<Conflict, Calls>): SharedModule<Conflict, Calls> {
  return module;
}

/** The intersection of a union's members: the calls of every module as one object type. */
export type AllOf<Union> = (Union extends unknown ? (member: Union) => void : never) extends (member: infer Intersection) => void ? Intersection : never;
