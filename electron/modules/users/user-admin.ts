import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { and, asc, eq, inArray, isNull, notExists, or } from 'drizzle-orm';
import type { UserSummary } from '#shared/modules/users/calls.ts';
import { conflictError, forbiddenError, notFoundError } from '#shared/api/errors.ts';
import type { Role } from '#shared/domain/roles.ts';
import { readThrottle } from '../../auth/throttle.ts';
import type { Db } from '../../db/database.ts';
import { clinics, memberships, users } from '../../db/schema/index.ts';
import type { UserRow } from './tables.ts';
import { isoAt } from '../../platform/clock.ts';
import { activeAdminIds, findUserById, membershipsOf } from './user-rows.ts';

/** The clinics whose users an administrator manages: those where they hold the Administrator role. */
export function administeredClinics(db: Db, adminId: UserId): { id: ClinicId; code: string; name: string }[] {
  return db
    .select({ id: clinics.id, code: clinics.code, name: clinics.name })
    .from(memberships)
    .innerJoin(clinics, eq(clinics.id, memberships.clinicId))
    .where(and(eq(memberships.userId, adminId), eq(memberships.role, 'ADMIN'), isNull(memberships.deletedAt), isNull(clinics.deletedAt)))
    .orderBy(asc(clinics.code))
    .all();
}

export function summarizeUsers(db: Db, rows: readonly UserRow[], clinicIds: ReadonlySet<ClinicId>, nowMs: number): UserSummary[] {
  const byUser = membershipsOf(db, rows.map((row) => row.id));
  return rows.map((row) => {
    const lockedUntilMs = readThrottle(db, row.id, nowMs).lockedUntilMs;
    return {
      id: row.id,
      fullName: row.fullName,
      username: row.username,
      email: row.email,
      phone: row.phone,
      active: row.active,
      mustChangePassword: row.mustChangePassword,
      lockedUntil: lockedUntilMs === null ? null : isoAt(lockedUntilMs),
      memberships: (byUser.get(row.id) ?? [])
        .filter((membership) => clinicIds.has(membership.clinicId))
        .map(({ clinicId, clinicCode, clinicName, role }) => ({ clinicId, clinicCode, clinicName, role })),
    };
  });
}

/**
 * Users an administrator may see: members of the clinics they administer, and accounts with no
 * role anywhere (so a role taken away by mistake can be given back).
 */
export function listManageableUsers(db: Db, clinicIds: readonly ClinicId[]): UserRow[] {
  const memberOfAdministered = db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(inArray(memberships.clinicId, [...clinicIds]), isNull(memberships.deletedAt)));
  const anyRole = db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, users.id), isNull(memberships.deletedAt)));
  return db
    .select()
    .from(users)
    .where(and(isNull(users.deletedAt), or(inArray(users.id, memberOfAdministered), notExists(anyRole))))
    .orderBy(asc(users.fullName))
    .all();
}

/** The target must be someone the administrator manages; otherwise the account is not theirs to change. */
export function requireManageableUser(db: Db, adminId: UserId, userId: UserId): UserRow {
  const user = findUserById(db, userId);
  if (user === undefined) throw notFoundError('That user was not found.');
  const clinicIds = new Set(administeredClinics(db, adminId).map((clinic) => clinic.id));
  const theirs = membershipsOf(db, [userId]).get(userId) ?? [];
  if (theirs.length > 0 && !theirs.some((membership) => clinicIds.has(membership.clinicId))) {
    throw forbiddenError('That user works only in clinics you do not administer.');
  }
  return user;
}

/** Refuses a change that would leave a clinic with no active administrator. */
export function guardLastAdmin(db: Db, userId: UserId, clinicId: ClinicId, newRole: Role | null | 'INACTIVE'): void {
  if (newRole === 'ADMIN') return;
  const admins = activeAdminIds(db, clinicId);
  if (admins.length === 1 && admins[0] === userId) {
    const clinic = db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, clinicId)).get();
    throw conflictError(
      `This is the last active administrator of ${clinic?.name ?? 'this clinic'}; give another user the Administrator role first.`,
    );
  }
}
