import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import type { Role } from '#shared/domain/roles.ts';
import type { UserSummary } from '#shared/modules/users/calls.ts';
import { conflictError, forbiddenError } from '#shared/api/errors.ts';
import { changedFields } from '../../audit/record.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { clearThrottle } from '../../auth/throttle.ts';
import type { Db } from '../../db/database.ts';
import { newUserId } from '../../platform/ids.ts';
import { administratorIn, guardLastAdmin, listManageableUsers, requireManageableUser, requireUserOfOrganization, summarizeUsers, type Administrator } from './user-admin.ts';
import { findUserById, findUserByUsername, insertUser, updateUser } from './user-rows.ts';
import { grantRole, membershipsOf, revokeRole } from './membership-rows.ts';
import { clinicOf, type CallContext, type Handlers } from '../../api/context.ts';

/** The signed-in administrator, in the organization of the clinic they act in. */
function administratorOf(ctx: CallContext): Administrator {
  const { userId, clinicId } = clinicOf(ctx);
  return administratorIn(ctx.db, userId, clinicId);
}

function summaryOf(ctx: CallContext, db: Db, admin: Administrator, userId: UserId): UserSummary {
  const user = findUserById(db, userId);
  if (user === undefined) throw new Error('user vanished inside its own transaction');
  const [summary] = summarizeUsers(db, [user], admin, ctx.clock.now());
  if (summary === undefined) throw new Error('summary missing');
  return summary;
}

/** Ends a user's sessions and tells their screens, after an administrator changed their access. */
function endSessionsOf(ctx: CallContext, userId: UserId): void {
  if (ctx.sessions.endAllOf(userId).length > 0) ctx.events.publish({ type: 'session.ended' }, { userId });
}

/**
 * Gives or takes one role of a person in one clinic, their other roles there untouched. A role is
 * the business of its clinic's administrators alone, for any account of the organization.
 */
function changeRole(ctx: CallContext, input: { userId: UserId; clinicId: ClinicId; role: Role }, change: 'grant' | 'revoke'): UserSummary {
  const admin = administratorOf(ctx);
  if (!admin.clinicIds.has(input.clinicId)) throw forbiddenError('You can give and take roles only in clinics you administer.');
  requireUserOfOrganization(ctx.db, admin, input.userId);
  const { summary, changed } = ctx.write(
    (tx) => {
      if (change === 'revoke' && input.role === 'ADMIN') guardLastAdmin(tx, input.userId, input.clinicId);
      const changedRow = change === 'grant' ? grantRole(tx, input.userId, input.clinicId, input.role, ctx.clock.now()) : revokeRole(tx, input.userId, input.clinicId, input.role, ctx.clock.now());
      return { summary: summaryOf(ctx, tx, admin, input.userId), changed: changedRow };
    },
    { entityType: 'user', entityId: input.userId, clinicId: input.clinicId, detail: { role: input.role } },
  );
  // Their screens show what their roles allow: they read the session again.
  if (changed) ctx.events.publish({ type: 'data.changed', call: ctx.call, clinicId: null }, { userId: input.userId });
  return summary;
}

export const userHandlers = {
  'users.list': (ctx) => {
    const admin = administratorOf(ctx);
    return { users: summarizeUsers(ctx.db, listManageableUsers(ctx.db, admin), admin, ctx.clock.now()), manageableClinics: [...admin.clinics] };
  },

  'users.create': async (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    const admin = administratorOf(ctx);
    const { password, role, ...profile } = input;
    const taken = () => conflictError(`The username "${input.username}" is already taken; choose another.`, 'username');
    if (findUserByUsername(ctx.db, input.username) !== undefined) throw taken();
    const passwordHash = await hashPassword(password);
    return ctx.write(
      (tx) => {
        if (findUserByUsername(tx, input.username) !== undefined) throw taken();
        const id = newUserId();
        insertUser(tx, { id, organizationId: admin.organizationId, ...profile, passwordHash, mustChangePassword: true }, ctx.clock.now());
        grantRole(tx, id, clinicId, role, ctx.clock.now());
        return summaryOf(ctx, tx, admin, id);
      },
      (summary) => ({ entityType: 'user', entityId: summary.id, detail: { role } }),
    );
  },

  'users.update': (ctx, input) => {
    const admin = administratorOf(ctx);
    const { userId, ...profile } = input;
    const user = requireManageableUser(ctx.db, admin, userId);
    const fields = changedFields(user, profile);
    if (fields.length === 0) return summaryOf(ctx, ctx.db, admin, userId);
    return ctx.write(
      (tx) => {
        updateUser(tx, userId, profile, admin.userId, ctx.clock.now());
        return summaryOf(ctx, tx, admin, userId);
      },
      { entityType: 'user', entityId: userId, detail: { fields } },
    );
  },

  'users.grantRole': (ctx, input) => changeRole(ctx, input, 'grant'),
  'users.revokeRole': (ctx, input) => changeRole(ctx, input, 'revoke'),

  'users.setActive': (ctx, input) => {
    const admin = administratorOf(ctx);
    if (input.userId === admin.userId && !input.active) throw conflictError('You cannot deactivate your own account.');
    const user = requireManageableUser(ctx.db, admin, input.userId);
    if (user.active === input.active) return summaryOf(ctx, ctx.db, admin, input.userId);
    const summary = ctx.write(
      (tx) => {
        if (!input.active) {
          for (const membership of membershipsOf(tx, [input.userId]).get(input.userId) ?? []) {
            if (membership.roles.includes('ADMIN')) guardLastAdmin(tx, input.userId, membership.clinicId);
          }
        }
        updateUser(tx, input.userId, { active: input.active }, admin.userId, ctx.clock.now());
        return summaryOf(ctx, tx, admin, input.userId);
      },
      { entityType: 'user', entityId: input.userId, detail: { active: input.active } },
    );
    if (!input.active) endSessionsOf(ctx, input.userId);
    return summary;
  },

  'users.resetPassword': async (ctx, input) => {
    const admin = administratorOf(ctx);
    requireManageableUser(ctx.db, admin, input.userId);
    const passwordHash = await hashPassword(input.newPassword);
    const summary = ctx.write(
      (tx) => {
        // Checked again inside the transaction: hashing took a while, and a role may have been given meanwhile.
        requireManageableUser(tx, admin, input.userId);
        updateUser(tx, input.userId, { passwordHash, mustChangePassword: input.userId !== admin.userId }, admin.userId, ctx.clock.now());
        clearThrottle(tx, input.userId);
        return summaryOf(ctx, tx, admin, input.userId);
      },
      { entityType: 'user', entityId: input.userId, detail: { fields: ['password'] } },
    );
    if (input.userId !== admin.userId) endSessionsOf(ctx, input.userId);
    return summary;
  },
} satisfies Partial<Handlers>;
