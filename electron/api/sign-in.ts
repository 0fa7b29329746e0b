import type { SessionView, SignedIn } from '#shared/api/calls/session.ts';
import type { AuditAction } from '#shared/modules/audit/action-labels.ts';
import { ApiError, unauthenticatedError } from '#shared/api/errors.ts';
import { sessionOf, type CallContext } from './context.ts';
import { isoAt } from '../platform/clock.ts';
import { findUserById, findUserByUsername, membershipsOf } from '../modules/users/index.ts';
import type { UserRow } from '../modules/users/tables.ts';
import { verifyDecoy, verifyPassword } from '../auth/passwords.ts';
import { autoSelectClinic, buildSessionView, mayOpenClinic } from '../auth/session-view.ts';
import { clearThrottle, LOCKOUT_MS, readThrottle, recordFailedSignIn } from '../auth/throttle.ts';

const WRONG_CREDENTIALS = 'Wrong username or password.';

function lockedMessageAt(lockedUntilMs: number, nowMs: number): string {
  const minutes = Math.max(1, Math.ceil((lockedUntilMs - nowMs) / 60_000));
  return `This account is locked after too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an administrator to reset the password.`;
}

/**
 * Checks a password against an account, counting failures toward the lockout. Every outcome
 * is audited; on failure it throws, after the failure has been committed.
 */
async function checkPassword(ctx: CallContext, user: UserRow, password: string, action: AuditAction): Promise<void> {
  const nowMs = ctx.clock.now();
  const throttle = readThrottle(ctx.db, user.id, nowMs);
  if (throttle.lockedUntilMs !== null) {
    ctx.write(() => null, { action, outcome: 'FAILURE', userId: user.id, entityType: 'user', entityId: user.id, detail: { reason: 'locked' } });
    throw unauthenticatedError('NO_SESSION', lockedMessageAt(throttle.lockedUntilMs, nowMs));
  }
  if (await verifyPassword(user.passwordHash, password)) return;
  const failure = ctx.write((tx) => recordFailedSignIn(tx, user.id, ctx.clock.now()), (result) => ({
    action,
    outcome: 'FAILURE',
    userId: user.id,
    entityType: 'user',
    entityId: user.id,
    detail: { reason: 'wrong_password', lockedNow: result.lockedNow },
  }));
  if (failure.lockedNow && failure.lockedUntilMs !== null) {
    ctx.write(() => null, {
      action: 'auth.lockout',
      outcome: 'SUCCESS',
      userId: user.id,
      entityType: 'user',
      entityId: user.id,
      detail: { lockedUntil: isoAt(failure.lockedUntilMs), minutes: LOCKOUT_MS / 60_000 },
    });
    throw unauthenticatedError('NO_SESSION', `${WRONG_CREDENTIALS} ${lockedMessageAt(failure.lockedUntilMs, ctx.clock.now())}`);
  }
  throw unauthenticatedError('NO_SESSION', WRONG_CREDENTIALS);
}

export async function signIn(ctx: CallContext, input: { username: string; password: string }): Promise<SignedIn> {
  const user = findUserByUsername(ctx.db, input.username);
  if (user === undefined) {
    await verifyDecoy(input.password);
    ctx.write(() => null, { outcome: 'FAILURE', userId: null, clinicId: null, attemptedUsername: input.username, detail: { reason: 'unknown_user' } });
    throw unauthenticatedError('NO_SESSION', WRONG_CREDENTIALS);
  }
  await checkPassword(ctx, user, input.password, ctx.call);
  const refuse = (reason: string, message: string): never => {
    ctx.write(() => null, { outcome: 'FAILURE', userId: user.id, clinicId: null, entityType: 'user', entityId: user.id, detail: { reason } });
    throw unauthenticatedError('NO_SESSION', message);
  };
  if (!user.active) refuse('inactive', 'This account has been deactivated; ask an administrator.');
  const memberships = membershipsOf(ctx.db, [user.id]).get(user.id) ?? [];
  if (!memberships.some(mayOpenClinic)) {
    refuse('no_clinic', 'This account has no role in an open clinic on this workstation; ask an administrator.');
  }
  const { token, session } = ctx.sessions.create(user.id, ctx.clock.now());
  autoSelectClinic(ctx.db, session);
  ctx.write((tx) => clearThrottle(tx, user.id), {
    outcome: 'SUCCESS',
    userId: user.id,
    clinicId: session.activeClinicId,
    entityType: 'user',
    entityId: user.id,
  });
  return { ...buildSessionView(ctx.db, session), token };
}

export async function unlockSession(ctx: CallContext, password: string): Promise<SessionView> {
  const session = sessionOf(ctx);
  const user = findUserById(ctx.db, session.userId);
  if (user === undefined) throw unauthenticatedError('SESSION_EXPIRED', 'Please sign in again.');
  try {
    await checkPassword(ctx, user, password, ctx.call);
  } catch (error) {
    if (error instanceof ApiError && readThrottle(ctx.db, user.id, ctx.clock.now()).lockedUntilMs !== null) {
      ctx.sessions.endAllOf(user.id);
      ctx.events.publish({ type: 'session.ended' }, { userId: user.id });
      throw unauthenticatedError('SESSION_EXPIRED', error.message);
    }
    throw error;
  }
  session.locked = false;
  session.lastActivityMs = ctx.clock.now();
  ctx.write(() => null, { entityType: 'user', entityId: user.id });
  return buildSessionView(ctx.db, session);
}
