import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '#shared/domain/roles.ts';
import type { Db } from '../../db/database.ts';
import { clinics, memberships, users } from '../../db/schema/index.ts';
import type { NewUserRow, UserRow } from './tables.ts';
import { prepared } from '../../db/prepared.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

export type MembershipWithClinic = {
  readonly clinicId: ClinicId;
  readonly clinicCode: string;
  readonly clinicName: string;
  readonly clinicStatus: 'ACTIVE' | 'INACTIVE' | 'SUSPENDED';
  readonly role: Role;
};

export function findUserById(db: Db, userId: UserId): UserRow | undefined {
  return prepared(db, 'users.byId', (handle) =>
    handle
      .select()
      .from(users)
      .where(and(eq(users.id, sql.placeholder('id')), isNull(users.deletedAt)))
      .prepare(),
  ).get({ id: userId });
}

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db
    .select()
    .from(users)
    .where(and(eq(users.username, username.toLowerCase()), isNull(users.deletedAt)))
    .get();
}

export function insertUser(db: Db, row: Omit<NewUserRow, 'createdAt' | 'updatedAt' | 'passwordChangedAt'>, nowMs: number): void {
  const now = isoAt(nowMs);
  db.insert(users)
    .values({ ...row, createdAt: now, updatedAt: now, passwordChangedAt: now })
    .run();
}

/** Changes an account; changedBy is who changes it (the user, or an administrator), which the hub checks again. */
export function updateUser(db: Db, userId: UserId, changes: Partial<Pick<UserRow, 'fullName' | 'email' | 'phone' | 'active' | 'mustChangePassword' | 'passwordHash'>>, changedBy: UserId, nowMs: number): void {
  const now = isoAt(nowMs);
  db.update(users)
    .set({ ...changes, accountChangedBy: changedBy, updatedAt: now, ...(changes.passwordHash === undefined ? {} : { passwordChangedAt: now }) })
    .where(eq(users.id, userId))
    .run();
}

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
  for (const { userId, ...membership } of rows) {
    const list = byUser.get(userId) ?? [];
    list.push(membership);
    byUser.set(userId, list);
  }
  return byUser;
}

export function roleIn(db: Db, userId: UserId, clinicId: ClinicId): Role | null {
  const row = prepared(db, 'memberships.role', (handle) =>
    handle
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, sql.placeholder('userId')), eq(memberships.clinicId, sql.placeholder('clinicId')), isNull(memberships.deletedAt)))
      .prepare(),
  ).get({ userId, clinicId });
  return row?.role ?? null;
}

/** Gives, changes or takes away (role null) a user's role in a clinic. */
export function setMembership(db: Db, userId: UserId, clinicId: ClinicId, role: Role | null, nowMs: number): void {
  const now = isoAt(nowMs);
  const existing = db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.clinicId, clinicId)))
    .get();
  if (existing === undefined) {
    if (role === null) return;
    db.insert(memberships).values({ id: newId(), userId, clinicId, role, createdAt: now, updatedAt: now }).run();
    return;
  }
  db.update(memberships)
    .set(role === null ? { deletedAt: now, updatedAt: now } : { role, deletedAt: null, updatedAt: now })
    .where(eq(memberships.id, existing.id))
    .run();
}

/** Active users holding the Administrator role in a clinic. */
export function activeAdminIds(db: Db, clinicId: ClinicId): string[] {
  return db
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.clinicId, clinicId),
        eq(memberships.role, 'ADMIN'),
        isNull(memberships.deletedAt),
        eq(users.active, true),
        isNull(users.deletedAt),
      ),
    )
    .all()
    .map((row) => row.id);
}
