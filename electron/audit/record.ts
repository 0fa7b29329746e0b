import type { ClinicId, DeviceId, UserId } from '#shared/domain/ids.ts';
import type { AuditAction } from '#shared/modules/audit/action-labels.ts';
import type { AuditOutcome } from '#shared/modules/audit/calls.ts';
import type { Db } from '../db/database.ts';
import { auditLog } from '../db/schema/index.ts';
import { isoAt } from '../platform/clock.ts';
import { newId } from '../platform/ids.ts';

/** Detail holds names, ids and counts only: which fields changed, never what they now say. */
export type AuditDetail = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

export type AuditEntryInput = {
  readonly atMs: number;
  readonly deviceId: DeviceId;
  readonly userId: UserId | null;
  readonly clinicId: ClinicId | null;
  /** A call's name or an event the audit log has words for (action-labels.ts). */
  readonly action: AuditAction;
  readonly outcome: AuditOutcome;
  readonly entityType?: string | null;
  readonly entityId?: string | null;
  readonly attemptedUsername?: string | null;
  readonly detail?: AuditDetail | null;
};

export function recordAudit(db: Db, entry: AuditEntryInput): string {
  const id = newId();
  db.insert(auditLog)
    .values({
      id,
      at: isoAt(entry.atMs),
      deviceId: entry.deviceId,
      userId: entry.userId,
      clinicId: entry.clinicId,
      action: entry.action,
      outcome: entry.outcome,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      attemptedUsername: entry.attemptedUsername ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .run();
  return id;
}

/** Names of the fields whose value differs, for the audit detail. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((key) => after[key] !== undefined && after[key] !== before[key]);
}
