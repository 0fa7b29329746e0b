import type { ClinicId, DeviceId, UserId } from '#shared/domain/ids.ts';
import type { AuditOutcome } from '#shared/modules/audit/calls.ts';
import type { CallName, CallResult, ParsedInput } from '#shared/api/contract.ts';
import { ApiError } from '#shared/api/errors.ts';
import type { Role } from '#shared/domain/roles.ts';
import type { AuditAction } from '#shared/modules/audit/action-labels.ts';
import type { AuditDetail } from '../audit/record.ts';
import type { ConflictResolver } from './conflict-resolvers.ts';
import type { Session, SessionStore } from '../auth/sessions.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { TermDictionary } from '../modules/patients/search/term-dictionary.ts';
import type { ChangeStamper } from '../sync/change-stamps.ts';
import type { SyncClient } from '../sync/sync-client.ts';
import type { EventBus } from '../platform/events.ts';

export type AuditIntent = {
  readonly entityType?: string | null;
  readonly entityId?: string | null;
  readonly detail?: AuditDetail | null;
  /** Defaults to the call's name. */
  readonly action?: AuditAction;
  readonly outcome?: AuditOutcome;
  /** Default to the session's user and clinic. */
  readonly userId?: UserId | null;
  readonly clinicId?: ClinicId | null;
  readonly attemptedUsername?: string | null;
};

/** The clinic a call acts in, and the caller's live roles there: what they may do is the union of those roles. */
export type ClinicScope = { readonly clinicId: ClinicId; readonly roles: readonly Role[] };

/** Long-lived helpers of the core that calls share. */
export type CoreServices = {
  readonly patientTerms: TermDictionary;
  /** Stamps every write transaction for the sync engine's capture triggers. */
  readonly stamper: ChangeStamper;
  readonly sync: SyncClient;
  /** The modules' ways out of a conflict, by the action each takes. */
  readonly conflictResolvers: ReadonlyMap<string, ConflictResolver>;
  /** The workstation's data folder: files kept beside the database live under it. */
  readonly dataDir: string;
};

export type CallContext = {
  readonly call: CallName;
  readonly db: Db;
  readonly clock: Clock;
  readonly deviceId: DeviceId;
  readonly deviceName: string;
  readonly appVersion: string;
  readonly sessions: SessionStore;
  readonly events: EventBus;
  readonly session: Session | null;
  readonly clinic: ClinicScope | null;
  readonly services: CoreServices;
  /** Runs the work in one transaction together with its audit entry: the only way a call writes. */
  readonly write: <T>(work: (tx: Db) => T, audit: AuditIntent | ((result: T) => AuditIntent)) => T;
};

export type Handler<N extends CallName> = (ctx: CallContext, input: ParsedInput<N>) => CallResult<N> | Promise<CallResult<N>>;
export type Handlers = { readonly [N in CallName]: Handler<N> };

/** The dispatcher has checked the session for every call that is not public; this narrows the type. */
export function sessionOf(ctx: CallContext): Session {
  if (ctx.session === null) throw new ApiError({ code: 'INTERNAL', message: 'This call needs a session.' });
  return ctx.session;
}

export function clinicOf(ctx: CallContext): ClinicScope & { readonly userId: UserId } {
  const session = sessionOf(ctx);
  if (ctx.clinic === null) throw new ApiError({ code: 'INTERNAL', message: 'This call needs a clinic.' });
  return { ...ctx.clinic, userId: session.userId };
}
