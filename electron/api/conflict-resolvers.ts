import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import type { ConflictAction } from '#shared/api/calls/sync.ts';
import type { Db } from '../db/database.ts';
import type { CallContext } from './context.ts';

type ModuleAction = Exclude<ConflictAction, { kind: 'keepBoth' }>;

export type ConflictResolution = {
  readonly tx: Db;
  readonly clinicId: ClinicId;
  readonly userId: UserId;
  readonly nowMs: number;
  /** Refuses a row that is not one of the conflict's. */
  readonly involved: (rowId: string) => void;
};

/** One way out of a conflict, implemented by the module that declared it. */
export type ConflictResolver = {
  readonly action: ModuleAction['kind'];
  /** Applies the action in the call's transaction and returns the words recorded as the resolution. */
  readonly resolve: (resolution: ConflictResolution, action: ModuleAction) => string;
  /** Runs once the transaction has committed. */
  readonly afterCommit?: (ctx: CallContext) => void;
};

/** A resolver for one action, whose input the dispatcher has already checked against the contract. */
export function defineConflictResolver<K extends ModuleAction['kind']>(
  action: K,
  resolve: (resolution: ConflictResolution, action: Extract<ModuleAction, { kind: K }>) => string,
  afterCommit?: (ctx: CallContext) => void,
): ConflictResolver {
  return {
    action,
    resolve: (resolution, given) => {
      if (given.kind !== action) throw new Error(`the resolver of ${action} was given ${given.kind}`);
      return resolve(resolution, given as Extract<ModuleAction, { kind: K }>);
    },
    ...(afterCommit === undefined ? {} : { afterCommit }),
  };
}
