import type { CallSpec } from '#shared/api/define.ts';
import { ApiError, forbiddenError, unauthenticatedError } from '#shared/api/errors.ts';
import { holdsAnyRole, roleNames } from '#shared/domain/roles.ts';
import type { Session, SessionStore } from '../auth/sessions.ts';
import type { Db } from '../db/database.ts';
import { findUserById, rolesIn } from '../modules/users/index.ts';
import { idleLockMinutesFor } from '../auth/idle-lock.ts';
import type { ClinicScope } from './context.ts';

/**
 * Finds the caller's session and applies the idle lock. Everything is re-read from the
 * database, so a deactivated user or a role taken away counts from the very next call.
 */
export function resolveSession(
  db: Db,
  sessions: SessionStore,
  token: string | null,
  spec: CallSpec,
  nowMs: number,
): Session {
  const session = token === null ? undefined : sessions.find(token);
  if (session === undefined) throw unauthenticatedError('NO_SESSION', 'Please sign in.');
  if (sessions.isExpired(session, nowMs)) {
    sessions.end(session.id);
    throw unauthenticatedError('SESSION_EXPIRED', 'Your session has ended; please sign in again.');
  }
  const user = findUserById(db, session.userId);
  if (user === undefined || !user.active) {
    sessions.end(session.id);
    throw unauthenticatedError('SESSION_EXPIRED', 'This account is no longer active; ask an administrator.');
  }
  if (!session.locked && nowMs - session.lastActivityMs > idleLockMinutesFor(db, session) * 60_000) {
    session.locked = true;
  }
  if (session.locked && spec.whileLocked !== true) {
    throw unauthenticatedError('SESSION_LOCKED', 'The screen is locked; enter your password to continue.');
  }
  if (user.mustChangePassword && spec.beforePasswordChange !== true) {
    throw forbiddenError('Choose a new password before you continue.');
  }
  if (spec.whileLocked !== true) session.lastActivityMs = nowMs;
  return session;
}

export function resolveClinicScope(db: Db, session: Session, spec: CallSpec): ClinicScope | null {
  if (spec.access.kind !== 'clinic') {
    if (session.activeClinicId === null) return null;
    const roles = rolesIn(db, session.userId, session.activeClinicId);
    return roles.length === 0 ? null : { clinicId: session.activeClinicId, roles };
  }
  if (session.activeClinicId === null) throw forbiddenError('Choose a clinic first.');
  const roles = rolesIn(db, session.userId, session.activeClinicId);
  if (roles.length === 0) throw forbiddenError('You no longer have a role in this clinic; ask an administrator.');
  // A call is allowed when any of the person's roles in the clinic allows it.
  if (!holdsAnyRole(roles, spec.access.roles)) {
    throw forbiddenError(roles.length === 1 ? `Your role (${roleNames(roles)}) does not allow this.` : `Your roles (${roleNames(roles)}) do not allow this.`);
  }
  return { clinicId: session.activeClinicId, roles };
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
