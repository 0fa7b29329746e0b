import type { ClinicId, OrganizationId, UserId } from '#shared/domain/ids.ts';
import { and, asc, eq, inArray, isNull, notExists, or } from 'drizzle-orm';
import type { UserSummary } from '#shared/modules/users/calls.ts';
import { conflictError, forbiddenError, notFoundError } from '#shared/api/errors.ts';
import { readThrottle } from '../../auth/throttle.ts';
import type { Db } from '../../db/database.ts';
import { clinics, memberships, users } from '../../db/schema/index.ts';
import type { UserRow } from './tables.ts';
import { isoAt } from '../../platform/clock.ts';
import { organizationOfClinic } from '../clinics/index.ts';
import { findUserById } from './user-rows.ts';
import { activeAdminIds, membershipsOf, type MembershipWithClinic } from './membership-rows.ts';

/**
 * An administrator as one call sees them: the organization of the clinic they act in, and the
 * clinics of it where they hold the Administrator role. Nothing outside that organization is theirs.
 */
export type Administrator = {
  readonly userId: UserId;
  readonly organizationId: OrganizationId;
  readonly clinics: readonly { id: ClinicId; code: string; name: string }[];
  readonly clinicIds: ReadonlySet<ClinicId>;
};

/** Said alike for an account that does not exist and one of another organization, so ids cannot be probed. */
const NO_SUCH_USER = 'That user was not found.';

export function administratorIn(db: Db, adminId: UserId, actingClinicId: ClinicId): Administrator {
  const organizationId = organizationOfClinic(db, actingClinicId);
  if (organizationId === undefined) throw notFoundError('This clinic no longer exists on this workstation.');
  const administered = db
    .select({ id: clinics.id, code: clinics.code, name: clinics.name })
    .from(memberships)
    .innerJoin(clinics, eq(clinics.id, memberships.clinicId))
    .where(
      and(
        eq(memberships.userId, adminId),
        eq(memberships.role, 'ADMIN'),
        isNull(memberships.deletedAt),
        isNull(clinics.deletedAt),
        eq(clinics.organizationId, organizationId),
      ),
    )
    .orderBy(asc(clinics.code))
    .all();
  return { userId: adminId, organizationId, clinics: administered, clinicIds: new Set(administered.map((clinic) => clinic.id)) };
}

/**
 * Whether the administrator may change the account itself (credentials, details, active flag,
 * lockout): they administer every clinic where it holds a role, so no clinic's administrators
 * lose an account to another's. An account with no role is any of its organization's administrators'.
 */
function managesAccount(admin: Administrator, roles: readonly MembershipWithClinic[]): boolean {
  return roles.every((membership) => admin.clinicIds.has(membership.clinicId));
}

export function summarizeUsers(db: Db, rows: readonly UserRow[], admin: Administrator, nowMs: number): UserSummary[] {
  const byUser = membershipsOf(db, rows.map((row) => row.id));
  return rows.map((row) => {
    const lockedUntilMs = readThrottle(db, row.id, nowMs).lockedUntilMs;
    const roles = byUser.get(row.id) ?? [];
    return {
      id: row.id,
      fullName: row.fullName,
      username: row.username,
      email: row.email,
      phone: row.phone,
      active: row.active,
      mustChangePassword: row.mustChangePassword,
      lockedUntil: lockedUntilMs === null ? null : isoAt(lockedUntilMs),
      memberships: roles
        .filter((membership) => admin.clinicIds.has(membership.clinicId))
        .map(({ clinicId, clinicCode, clinicName, roles }) => ({ clinicId, clinicCode, clinicName, roles: [...roles] })),
      canManageAccount: managesAccount(admin, roles),
    };
  });
}

/**
 * Users an administrator may see: accounts of their organization that are members of the clinics
 * they administer, or that have no role anywhere (so a role taken away by mistake can be given back).
 */
export function listManageableUsers(db: Db, admin: Administrator): UserRow[] {
  const memberOfAdministered = db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(inArray(memberships.clinicId, [...admin.clinicIds]), isNull(memberships.deletedAt)));
  const anyRole = db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, users.id), isNull(memberships.deletedAt)));
  return db
    .select()
    .from(users)
    .where(and(isNull(users.deletedAt), eq(users.organizationId, admin.organizationId), or(inArray(users.id, memberOfAdministered), notExists(anyRole))))
    .orderBy(asc(users.fullName))
    .all();
}

/** An account of the administrator's organization; any other answers as if it did not exist. */
export function requireUserOfOrganization(db: Db, admin: Administrator, userId: UserId): UserRow {
  const user = findUserById(db, userId);
  if (user === undefined || user.organizationId !== admin.organizationId) throw notFoundError(NO_SUCH_USER);
  return user;
}

/** The account, when the administrator may change it (see managesAccount). */
export function requireManageableUser(db: Db, admin: Administrator, userId: UserId): UserRow {
  const user = requireUserOfOrganization(db, admin, userId);
  if (!managesAccount(admin, membershipsOf(db, [userId]).get(userId) ?? [])) {
    throw forbiddenError('Only an administrator of every clinic where this person has a role can change their account.');
  }
  return user;
}

/** Refuses to take the Administrator role (or the account) from a clinic's last active administrator. */
export function guardLastAdmin(db: Db, userId: UserId, clinicId: ClinicId): void {
  const admins = activeAdminIds(db, clinicId);
  if (admins.length === 1 && admins[0] === userId) {
    const clinic = db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, clinicId)).get();
    throw conflictError(
      `This is the last active administrator of ${clinic?.name ?? 'this clinic'}; give another user the Administrator role first.`,
    );
  }
}
