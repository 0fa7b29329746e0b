import { contract, isCallName, type CallName } from '#shared/api/contract.ts';
import { type ApiError, type CallOutcome, validationError } from '#shared/api/errors.ts';
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from '#shared/domain/storable-text.ts';
import { recordAudit } from '../audit/record.ts';
import type { Session } from '../auth/sessions.ts';
import type { DeviceIdentity } from '../device.ts';
import { newId } from '../platform/ids.ts';
import { createLogger, describeError } from '../platform/logger.ts';
import { isApiError, resolveClinicScope, resolveSession } from './access.ts';
import type { AuditIntent, CallContext, ClinicScope, Handler, Handlers } from './context.ts';
import { validationFromZod } from './validation.ts';

const log = createLogger('dispatch');

export type CallRequest = {
  readonly call: string;
  readonly input: unknown;
  /** The session token the transport carries, or null before sign-in. */
  readonly token: string | null;
};

/** What every call's context shares, plus the handlers. */
export type DispatcherDeps = Pick<CallContext, 'db' | 'clock' | 'appVersion' | 'sessions' | 'events' | 'services'> & {
  readonly handlers: Handlers;
  /** This workstation; read at every call, since enrolling with a hub may give it a new id. */
  readonly identity: DeviceIdentity;
};

export type Dispatch = (request: CallRequest) => Promise<CallOutcome<unknown>>;

export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const { handlers, ...shared } = deps;
  const { db, clock, sessions } = shared;

  function auditDenied(call: CallName, session: Session | null, error: ApiError): void {
    if (session === null || error.code !== 'FORBIDDEN') return;
    recordAudit(db, {
      atMs: clock.now(),
      deviceId: deps.identity.deviceId,
      userId: session.userId,
      clinicId: session.activeClinicId,
      action: call,
      outcome: 'DENIED',
    });
    shared.services.sync.requestSync();
  }

  function makeContext(call: CallName, session: Session | null, clinic: ClinicScope | null, audited: { count: number }): CallContext {
    const { identity, ...rest } = shared;
    const ctx: CallContext = {
      ...rest,
      deviceId: identity.deviceId,
      deviceName: identity.deviceName,
      call,
      session,
      clinic,
      write: (work, audit) => {
        const committed = db.transaction((tx) => {
          shared.services.stamper.begin(tx);
          const result = work(tx);
          const intent: AuditIntent = typeof audit === 'function' ? audit(result) : audit;
          recordAudit(tx, {
            atMs: clock.now(),
            deviceId: shared.identity.deviceId,
            userId: intent.userId !== undefined ? intent.userId : (session?.userId ?? null),
            clinicId: intent.clinicId !== undefined ? intent.clinicId : (clinic?.clinicId ?? null),
            action: intent.action ?? call,
            outcome: intent.outcome ?? 'SUCCESS',
            entityType: intent.entityType ?? null,
            entityId: intent.entityId ?? null,
            attemptedUsername: intent.attemptedUsername ?? null,
            detail: intent.detail ?? null,
          });
          audited.count += 1;
          return result;
        });
        // Every write leaves at least its audit row to go up, whether or not a screen of some
        // clinic is told of it (a sign-in is not, nor a failed call): sync is asked here, once
        // the transaction has committed, rather than on the screens' data.changed alone.
        shared.services.sync.requestSync();
        return committed;
      },
    };
    return ctx;
  }

  return async function dispatch(request) {
    const { call } = request;
    if (typeof call !== 'string' || !isCallName(call)) {
      const shown = typeof call === 'string' ? call.slice(0, 80) : typeof call;
      return { ok: false, error: { code: 'NOT_FOUND', message: `There is no call named "${shown}".` } };
    }
    const spec = contract[call];
    let session: Session | null = null;
    try {
      let clinic: ClinicScope | null = null;
      if (spec.access.kind !== 'public') {
        session = resolveSession(db, sessions, request.token, spec, clock.now());
        clinic = resolveClinicScope(db, session, spec);
      } else if (request.token !== null) {
        session = sessions.find(request.token) ?? null;
      }
      // Before the schema, over the raw input: every string of every call, whatever its schema
      // says, so nothing is stored here that the hub could never take (storable-text.ts).
      const unstorable = unstorableTextPath(request.input);
      if (unstorable !== null) throw validationError(unstorable.join('.'), UNSTORABLE_TEXT_MESSAGE);
      const parsed = spec.input.safeParse(request.input ?? {});
      if (!parsed.success) throw validationFromZod(parsed.error);

      const audited = { count: 0 };
      const ctx = makeContext(call, session, clinic, audited);
      const handler = handlers[call] as Handler<CallName>;
      const result: unknown = await handler(ctx, parsed.data);
      if (spec.effect === 'write' && audited.count === 0) {
        // A write call that found nothing to change still leaves its trace.
        ctx.write(() => null, { detail: { changed: false } });
      }
      const output = spec.output.safeParse(result);
      if (!output.success) {
        log.error('a call produced output outside its contract', { call, issues: output.error.issues.length });
        throw new Error('output outside contract');
      }
      if (spec.effect === 'write' && clinic !== null) {
        deps.events.publish({ type: 'data.changed', call, clinicId: clinic.clinicId }, { clinicId: clinic.clinicId });
      }
      return { ok: true, result: output.data };
    } catch (error) {
      if (isApiError(error)) {
        auditDenied(call, session, error);
        return { ok: false, error: error.toBody() };
      }
      const reference = newId().slice(-8);
      log.error('a call failed', { call, reference, ...describeError(error) });
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `Something went wrong on this workstation and the action was not completed. Try again; if it keeps happening, tell your administrator (reference ${reference}).`,
        },
      };
    }
  };
}
