import { forbiddenError, notFoundError, validationError } from '#shared/api/errors.ts';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { buildSessionView, mayOpenClinic } from '../../auth/session-view.ts';
import { signIn, unlockSession } from '../sign-in.ts';
import { findUserById, membershipsOf, updateUser } from '../../modules/users/index.ts';
import { sessionOf, type Handlers } from '../context.ts';

export const authHandlers = {
  'auth.signIn': (ctx, input) => signIn(ctx, input),

  'auth.session': (ctx) => buildSessionView(ctx.db, sessionOf(ctx)),

  'auth.selectClinic': (ctx, input) => {
    const session = sessionOf(ctx);
    const membership = (membershipsOf(ctx.db, [session.userId]).get(session.userId) ?? []).find(
      (candidate) => candidate.clinicId === input.clinicId,
    );
    if (membership === undefined) throw notFoundError('You have no role in that clinic.');
    if (!mayOpenClinic(membership)) {
      throw forbiddenError(`${membership.clinicName} is ${membership.clinicStatus.toLowerCase()}; only an administrator can open it.`);
    }
    ctx.write(() => {
      session.activeClinicId = membership.clinicId;
    }, { clinicId: membership.clinicId, entityType: 'clinic', entityId: membership.clinicId });
    return buildSessionView(ctx.db, session);
  },

  'auth.touch': (ctx) => ({ locked: sessionOf(ctx).locked }),

  'auth.lock': (ctx) => {
    const session = sessionOf(ctx);
    session.locked = true;
    return buildSessionView(ctx.db, session);
  },

  'auth.unlock': (ctx, input) => unlockSession(ctx, input.password),

  'auth.changePassword': async (ctx, input) => {
    const session = sessionOf(ctx);
    const user = findUserById(ctx.db, session.userId);
    if (user === undefined) throw notFoundError('Your account was not found.');
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      ctx.write(() => null, { outcome: 'FAILURE', entityType: 'user', entityId: user.id, detail: { reason: 'wrong_password' } });
      throw validationError('currentPassword', 'The current password is not right.');
    }
    if (input.newPassword === input.currentPassword) {
      throw validationError('newPassword', 'Choose a new password that differs from the current one.');
    }
    const passwordHash = await hashPassword(input.newPassword);
    ctx.write((tx) => updateUser(tx, user.id, { passwordHash, mustChangePassword: false }, user.id, ctx.clock.now()), {
      entityType: 'user',
      entityId: user.id,
      detail: { fields: ['password'] },
    });
    ctx.sessions.endAllOf(user.id, session.id);
    return buildSessionView(ctx.db, session);
  },

  'auth.signOut': (ctx) => {
    const session = sessionOf(ctx);
    ctx.write(() => ctx.sessions.end(session.id), { entityType: 'user', entityId: session.userId });
    return { signedOut: true as const };
  },
} satisfies Partial<Handlers>;
