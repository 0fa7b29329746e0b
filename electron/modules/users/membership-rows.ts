import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { v5 as uuidv5 } from 'uuid';
import { orderedRoles, type Role } from '#shared/domain/roles.ts';
import type { Db } from '../../db/database.ts';
import { clinics, memberships, users } from '../../db/schema/index.ts';
import { prepared } from '../../db/prepared.ts';
import { isoAt } from '../../platform/clock.ts';

/** A user's live roles in one clinic, with the clinic as the screens name it. */
export type MembershipWithClinic = {
  readonly clinicId: ClinicId;
  readonly clinicCode: string;
  readonly clinicName: string;
  readonly clinicStatus: 'ACTIVE' | 'INACTIVE' | 'SUSPENDED';
  readonly roles: readonly Role[];
};

// The namespace of membership ids (a fixed, random UUID): see membershipId.
const MEMBERSHIP_NAMESPACE = '6f1d3c52-8a4b-4f0e-9d27-3b5e1c9a7f40';

/**
 * The id of the row of one role of one user in one clinic, the same on every workstation: two
 * desks that give the same role while apart write one row, which merges, instead of two rows
 * that clash on the unique (user, clinic, role) and wait aside for ever. Rows made before
 * several roles were allowed keep their random ids; they are found by their values first.
 */
export function membershipId(userId: UserId, clinicId: ClinicId, role: Role): string {
  return uuidv5(`${userId}/${clinicId}/${role}`, MEMBERSHIP_NAMESPACE);
}

/** Each user's live roles, grouped by clinic, clinics in code order. */
export function membershipsOf(db: Db, userIds: readonly UserId[]): Map<string, MembershipWithClinic[]> {
  const byUser = new Map<string, MembershipWithClinic[]>();
  if (userIds.length === 0) return byUser;
  const rows = db
    .select({
      userId: memberships.userId,
      clinicId: clinics.id,
      clinicCode: clinics.code,
      clinicName: clinics.name,
      clinicStatus: clinics.status,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(clinics, eq(clinics.id, memberships.clinicId))
    .where(and(inArray(memberships.userId, [...userIds]), isNull(memberships.deletedAt), isNull(clinics.deletedAt)))
    .orderBy(asc(clinics.code))
    .all();
  for (const { userId, role, ...clinic } of rows) {
    const list = byUser.get(userId) ?? [];
    const index = list.findIndex((membership) => membership.clinicId === clinic.clinicId);
    const held = list[index];
    if (held === undefined) list.push({ ...clinic, roles: [role] });
    else list[index] = { ...held, roles: orderedRoles([...held.roles, role]) };
    byUser.set(userId, list);
  }
  return byUser;
}

/** A user's live roles in a clinic; none when they hold no role there. */
export function rolesIn(db: Db, userId: UserId, clinicId: ClinicId): Role[] {
  const rows = prepared(db, 'memberships.roles', (handle) =>
    handle
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, sql.placeholder('userId')), eq(memberships.clinicId, sql.placeholder('clinicId')), isNull(memberships.deletedAt)))
      .prepare(),
  ).all({ userId, clinicId });
  return orderedRoles(rows.map((row) => row.role));
}

function roleRow(db: Db, userId: UserId, clinicId: ClinicId, role: Role): { id: string; deletedAt: string | null } | undefined {
  return db
    .select({ id: memberships.id, deletedAt: memberships.deletedAt })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.clinicId, clinicId), eq(memberships.role, role)))
    .get();
}

/** Gives a user one role in a clinic, leaving their other roles there as they are; false when they held it already. */
export function grantRole(db: Db, userId: UserId, clinicId: ClinicId, role: Role, nowMs: number): boolean {
  const now = isoAt(nowMs);
  const existing = roleRow(db, userId, clinicId, role);
  if (existing === undefined) {
    db.insert(memberships).values({ id: membershipId(userId, clinicId, role), userId, clinicId, role, createdAt: now, updatedAt: now }).run();
    return true;
  }
  if (existing.deletedAt === null) return false;
  db.update(memberships).set({ deletedAt: null, updatedAt: now }).where(eq(memberships.id, existing.id)).run();
  return true;
}

/** Takes one role of a user in a clinic away, leaving their other roles there as they are; false when they did not hold it. */
export function revokeRole(db: Db, userId: UserId, clinicId: ClinicId, role: Role, nowMs: number): boolean {
  const existing = roleRow(db, userId, clinicId, role);
  if (existing === undefined || existing.deletedAt !== null) return false;
  const now = isoAt(nowMs);
  db.update(memberships).set({ deletedAt: now, updatedAt: now }).where(eq(memberships.id, existing.id)).run();
  return true;
}

/** Active users holding the Administrator role in a clinic. */
export function activeAdminIds(db: Db, clinicId: ClinicId): string[] {
  return db
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.clinicId, clinicId), eq(memberships.role, 'ADMIN'), isNull(memberships.deletedAt), eq(users.active, true), isNull(users.deletedAt)))
    .all()
    .map((row) => row.id);
}
