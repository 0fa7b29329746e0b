import type { UserId } from '#shared/domain/ids.ts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { users } from '../../db/schema/index.ts';
import type { NewUserRow, UserRow } from './tables.ts';
import { prepared } from '../../db/prepared.ts';
import { isoAt } from '../../platform/clock.ts';

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
