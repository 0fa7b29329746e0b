import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import { and, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { AuditEntry, AuditOutcome } from '#shared/modules/audit/calls.ts';
import type { Db } from '../../db/database.ts';
import { literalLimit } from '../../db/literal-limit.ts';
import { appointments, auditLog, devices, memberships, patients, queueEntries, users } from '../../db/schema/index.ts';

/** The account an entry about a user or a doctor's profile is about (both keyed by the user's id). */
const subjectUsers = alias(users, 'subject_users');
const ACCOUNT_ENTITIES = ['user', 'doctor'];

/**
 * The patient an entry is about: their record itself, or the appointment or queue entry of theirs
 * it names. Resolved here, for the audit log's readers only (the call is an administrator's).
 */
const subjectPatientId = sql<string | null>`case ${auditLog.entityType}
  when 'patient' then ${auditLog.entityId}
  when 'appointment' then (select ${appointments.patientId} from ${appointments} where ${appointments.id} = ${auditLog.entityId})
  when 'queue_entry' then (select ${queueEntries.patientId} from ${queueEntries} where ${queueEntries.id} = ${auditLog.entityId})
end`;

export type AuditFilter = {
  readonly clinicId: ClinicId;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly userId?: UserId | undefined;
  readonly action?: string | undefined;
  readonly entityId?: string | undefined;
  readonly patientId?: PatientId | undefined;
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
  if (filter.patientId !== undefined) conditions.push(eq(subjectPatientId, filter.patientId));
  if (filter.outcome !== undefined) conditions.push(eq(auditLog.outcome, filter.outcome));
  if (filter.before !== undefined) conditions.push(lt(auditLog.id, filter.before));

  const rows = db
    .select({
      entry: auditLog,
      userName: users.fullName,
      deviceName: devices.name,
      patientId: patients.id,
      patientGivenName: patients.givenName,
      patientFamilyName: patients.familyName,
      patientMrn: patients.mrn,
      subjectName: subjectUsers.fullName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(devices, eq(devices.id, auditLog.deviceId))
    .leftJoin(patients, eq(patients.id, subjectPatientId))
    .leftJoin(subjectUsers, and(inArray(auditLog.entityType, ACCOUNT_ENTITIES), eq(subjectUsers.id, auditLog.entityId)))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(literalLimit(filter.limit + 1))
    .all();

  const page = rows.slice(0, filter.limit);
  const entries = page.map(({ entry, userName, deviceName, patientId, patientGivenName, patientFamilyName, patientMrn, subjectName }) => ({
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
    patient: patientId === null ? null : { id: patientId, givenName: patientGivenName ?? '', familyName: patientFamilyName ?? '', mrn: patientMrn ?? '' },
    subjectName,
  }));
  const last = page[page.length - 1];
  return { entries, nextCursor: rows.length > filter.limit && last !== undefined ? last.entry.id : null };
}
