import type { UserId } from '#shared/domain/ids.ts';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { signInThrottle } from '../db/schema/index.ts';
import { isoAt } from '../platform/clock.ts';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Failures further apart than this do not add up to a lockout. */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export type ThrottleState = { readonly failedCount: number; readonly lockedUntilMs: number | null };

export function readThrottle(db: Db, userId: UserId, nowMs: number): ThrottleState {
  const row = db.select().from(signInThrottle).where(eq(signInThrottle.userId, userId)).get();
  if (row === undefined) return { failedCount: 0, lockedUntilMs: null };
  const lockedUntilMs = row.lockedUntil === null ? null : Date.parse(row.lockedUntil);
  if (lockedUntilMs !== null && lockedUntilMs > nowMs) return { failedCount: row.failedCount, lockedUntilMs };
  const lastFailedMs = row.lastFailedAt === null ? null : Date.parse(row.lastFailedAt);
  const stale = lockedUntilMs !== null || lastFailedMs === null || nowMs - lastFailedMs > FAILURE_WINDOW_MS;
  return { failedCount: stale ? 0 : row.failedCount, lockedUntilMs: null };
}

/** Counts one failure; returns whether this failure locked the account. */
export function recordFailedSignIn(db: Db, userId: UserId, nowMs: number): { lockedNow: boolean; lockedUntilMs: number | null } {
  const failedCount = readThrottle(db, userId, nowMs).failedCount + 1;
  const lockedNow = failedCount >= MAX_FAILED_SIGN_INS;
  const lockedUntilMs = lockedNow ? nowMs + LOCKOUT_MS : null;
  const values = {
    failedCount: lockedNow ? 0 : failedCount,
    lockedUntil: lockedUntilMs === null ? null : isoAt(lockedUntilMs),
    lastFailedAt: isoAt(nowMs),
  };
  db.insert(signInThrottle)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: signInThrottle.userId, set: values })
    .run();
  return { lockedNow, lockedUntilMs };
}

export function clearThrottle(db: Db, userId: UserId): void {
  db.delete(signInThrottle).where(eq(signInThrottle.userId, userId)).run();
}
