import type { UserId } from '#shared/domain/ids.ts';
import type { UserSummary } from '#shared/modules/users/calls.ts';
import { conflictError, forbiddenError, notFoundError } from '#shared/api/errors.ts';
import { changedFields } from '../../audit/record.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { clearThrottle } from '../../auth/throttle.ts';
import type { Db } from '../../db/database.ts';
import { newUserId } from '../../platform/ids.ts';
import { organizationOfClinic } from '../clinics/index.ts';
import { administeredClinics, guardLastAdmin, listManageableUsers, requireManageableUser, summarizeUsers } from './user-admin.ts';
import { findUserById, findUserByUsername, insertUser, membershipsOf, setMembership, updateUser } from './user-rows.ts';
import { clinicOf, type CallContext, type Handlers } from '../../api/context.ts';

function summaryOf(ctx: CallContext, db: Db, userId: UserId): UserSummary {
  const { userId: adminId } = clinicOf(ctx);
  const user = findUserById(db, userId);
  if (user === undefined) throw new Error('user vanished inside its own transaction');
  const clinicIds = new Set(administeredClinics(db, adminId).map((clinic) => clinic.id));
  const [summary] = summarizeUsers(db, [user], clinicIds, ctx.clock.now());
  if (summary === undefined) throw new Error('summary missing');
  return summary;
}

/** Ends a user's sessions and tells their screens, after an administrator changed their access. */
function endSessionsOf(ctx: CallContext, userId: UserId): void {
  if (ctx.sessions.endAllOf(userId).length > 0) ctx.events.publish({ type: 'session.ended' }, { userId });
}

export const userHandlers = {
  'users.list': (ctx) => {
    const { userId } = clinicOf(ctx);
    const manageableClinics = administeredClinics(ctx.db, userId);
    const clinicIds = manageableClinics.map((clinic) => clinic.id);
    const rows = listManageableUsers(ctx.db, clinicIds);
    return { users: summarizeUsers(ctx.db, rows, new Set(clinicIds), ctx.clock.now()), manageableClinics };
  },

  'users.create': async (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    const { password, role, ...profile } = input;
    const taken = () => conflictError(`The username "${input.username}" is already taken; choose another.`, 'username');
    if (findUserByUsername(ctx.db, input.username) !== undefined) throw taken();
    const passwordHash = await hashPassword(password);
    return ctx.write(
      (tx) => {
        if (findUserByUsername(tx, input.username) !== undefined) throw taken();
        const id = newUserId();
        const organizationId = organizationOfClinic(tx, clinicId);
        if (organizationId === undefined) throw notFoundError('This clinic no longer exists on this workstation.');
        insertUser(tx, { id, organizationId, ...profile, passwordHash, mustChangePassword: true }, ctx.clock.now());
        setMembership(tx, id, clinicId, role, ctx.clock.now());
        return summaryOf(ctx, tx, id);
      },
      (summary) => ({ entityType: 'user', entityId: summary.id, detail: { role } }),
    );
  },

  'users.update': (ctx, input) => {
    const { userId: adminId } = clinicOf(ctx);
    const { userId, ...profile } = input;
    const user = requireManageableUser(ctx.db, adminId, userId);
    const fields = changedFields(user, profile);
    if (fields.length === 0) return summaryOf(ctx, ctx.db, userId);
    return ctx.write(
      (tx) => {
        updateUser(tx, userId, profile, ctx.clock.now());
        return summaryOf(ctx, tx, userId);
      },
      { entityType: 'user', entityId: userId, detail: { fields } },
    );
  },

  'users.setRole': (ctx, input) => {
    const { userId: adminId } = clinicOf(ctx);
    if (!administeredClinics(ctx.db, adminId).some((clinic) => clinic.id === input.clinicId)) {
      throw forbiddenError('You can give and take roles only in clinics you administer.');
    }
    requireManageableUser(ctx.db, adminId, input.userId);
    const summary = ctx.write(
      (tx) => {
        guardLastAdmin(tx, input.userId, input.clinicId, input.role);
        setMembership(tx, input.userId, input.clinicId, input.role, ctx.clock.now());
        return summaryOf(ctx, tx, input.userId);
      },
      { entityType: 'user', entityId: input.userId, clinicId: input.clinicId, detail: { role: input.role } },
    );
    ctx.events.publish({ type: 'data.changed', call: ctx.call, clinicId: null }, { userId: input.userId });
    return summary;
  },

  'users.setActive': (ctx, input) => {
    const { userId: adminId } = clinicOf(ctx);
    if (input.userId === adminId && !input.active) throw conflictError('You cannot deactivate your own account.');
    const user = requireManageableUser(ctx.db, adminId, input.userId);
    if (user.active === input.active) return summaryOf(ctx, ctx.db, input.userId);
    const summary = ctx.write(
      (tx) => {
        if (!input.active) {
          for (const membership of membershipsOf(tx, [input.userId]).get(input.userId) ?? []) {
            guardLastAdmin(tx, input.userId, membership.clinicId, 'INACTIVE');
          }
        }
        updateUser(tx, input.userId, { active: input.active }, ctx.clock.now());
        return summaryOf(ctx, tx, input.userId);
      },
      { entityType: 'user', entityId: input.userId, detail: { active: input.active } },
    );
    if (!input.active) endSessionsOf(ctx, input.userId);
    return summary;
  },

  'users.resetPassword': async (ctx, input) => {
    const { userId: adminId } = clinicOf(ctx);
    requireManageableUser(ctx.db, adminId, input.userId);
    const passwordHash = await hashPassword(input.newPassword);
    const summary = ctx.write(
      (tx) => {
        updateUser(tx, input.userId, { passwordHash, mustChangePassword: input.userId !== adminId }, ctx.clock.now());
        clearThrottle(tx, input.userId);
        return summaryOf(ctx, tx, input.userId);
      },
      { entityType: 'user', entityId: input.userId, detail: { fields: ['password'] } },
    );
    if (input.userId !== adminId) endSessionsOf(ctx, input.userId);
    return summary;
  },
} satisfies Partial<Handlers>;
