import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { and, desc, eq, gte, inArray, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditOutcome } from '#shared/modules/audit/calls.ts';
import type { Db } from '../../db/database.ts';
import { literalLimit } from '../../db/literal-limit.ts';
import { auditLog, devices, memberships, users } from '../../db/schema/index.ts';

export type AuditFilter = {
  readonly clinicId: ClinicId;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly userId?: UserId | undefined;
  readonly action?: string | undefined;
  readonly entityId?: string | undefined;
  readonly outcome?: AuditOutcome | undefined;
  readonly limit: number;
  readonly before?: string | undefined;
};

function parseDetail(detail: string | null): Record<string, unknown> | null {
  if (detail === null) return null;
  try {
    const value: unknown = JSON.parse(detail);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A clinic's entries, plus sign-in events (which belong to no clinic) of its members and of
 * names that matched no account. Newest first; ids are UUIDv7, so they order by time.
 */
export function listAudit(db: Db, filter: AuditFilter): { entries: AuditEntry[]; nextCursor: string | null } {
  const members = db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(eq(memberships.clinicId, filter.clinicId));
  const conditions: SQL[] = [
    or(
      eq(auditLog.clinicId, filter.clinicId),
      and(isNull(auditLog.clinicId), or(isNull(auditLog.userId), inArray(auditLog.userId, members))),
    ) as SQL,
  ];
  if (filter.from !== undefined) conditions.push(gte(auditLog.at, new Date(filter.from).toISOString()));
  if (filter.to !== undefined) conditions.push(lte(auditLog.at, new Date(filter.to).toISOString()));
  if (filter.userId !== undefined) conditions.push(eq(auditLog.userId, filter.userId));
  if (filter.action !== undefined && filter.action !== '') conditions.push(eq(auditLog.action, filter.action));
  if (filter.entityId !== undefined && filter.entityId !== '') conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.outcome !== undefined) conditions.push(eq(auditLog.outcome, filter.outcome));
  if (filter.before !== undefined) conditions.push(lt(auditLog.id, filter.before));

  const rows = db
    .select({
      entry: auditLog,
      userName: users.fullName,
      deviceName: devices.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(devices, eq(devices.id, auditLog.deviceId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(literalLimit(filter.limit + 1))
    .all();

  const page = rows.slice(0, filter.limit);
  const entries = page.map(({ entry, userName, deviceName }) => ({
    id: entry.id,
    at: entry.at,
    userId: entry.userId,
    userName,
    attemptedUsername: entry.attemptedUsername,
    clinicId: entry.clinicId,
    deviceId: entry.deviceId,
    deviceName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    outcome: entry.outcome,
    detail: parseDetail(entry.detail),
  }));
  const last = page[page.length - 1];
  return { entries, nextCursor: rows.length > filter.limit && last !== undefined ? last.entry.id : null };
}
