import type { OrganizationId, PatientId } from '#shared/domain/ids.ts';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { conflictError } from '#shared/api/errors.ts';
import type { AlertOverride, PrescriptionAlert } from '#shared/modules/medicines/index.ts';
import type { DoseAmount } from '#shared/modules/medicines/index.ts';
import { timesPerDayOf, type Frequency } from '#shared/modules/prescriptions/frequency.ts';
import type { RecordedOverride } from '#shared/modules/prescriptions/line.ts';
import type { Db } from '../../db/database.ts';
import { patientAllergies, prescriptionLines, prescriptions } from '../../db/schema/index.ts';
import { checkCataloguePrescription } from '../medicines/index.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type CheckedLine = { readonly productId: string; readonly dose: DoseAmount; readonly frequency: Frequency };

/**
 * The patient's current medicines: lines of their other signed prescriptions still running
 * (signed within their duration, or with none given, which a doctor means as ongoing).
 */
function currentProductIds(db: Db, patientIds: readonly PatientId[], excludingPrescriptionId: string | null, nowMs: number): string[] {
  const rows = db
    .select({ productId: prescriptionLines.productId, durationDays: prescriptionLines.durationDays, signedAt: prescriptionLines.signedAt })
    .from(prescriptionLines)
    .innerJoin(prescriptions, eq(prescriptions.id, prescriptionLines.prescriptionId))
    .where(and(inArray(prescriptionLines.patientId, [...patientIds]), excludingPrescriptionId === null ? undefined : ne(prescriptionLines.prescriptionId, excludingPrescriptionId), isNull(prescriptions.deletedAt)))
    .all();
  return [...new Set(rows.filter((row) => row.durationDays === null || Date.parse(row.signedAt) + row.durationDays * DAY_MS >= nowMs).map((row) => row.productId))];
}

function allergiesOf(db: Db, patientIds: readonly PatientId[]) {
  return db
    .select({ substance: patientAllergies.substance, severity: patientAllergies.severity })
    .from(patientAllergies)
    .where(and(inArray(patientAllergies.patientId, [...patientIds]), isNull(patientAllergies.deletedAt)))
    .all();
}

export type CheckScope = { readonly organizationId: OrganizationId; readonly patientIds: readonly PatientId[]; readonly prescriptionId: string | null; readonly nowMs: number };

/** The medicines module's checks over the whole draft: allergy, interaction, duplicate therapy, dose. */
export function checkLines(db: Db, scope: CheckScope, lines: readonly CheckedLine[]): PrescriptionAlert[] {
  if (lines.length === 0) return [];
  return checkCataloguePrescription(db, scope.organizationId, {
    items: lines.map((line) => ({ productId: line.productId, dose: line.dose, timesPerDay: timesPerDayOf(line.frequency) })),
    currentProductIds: currentProductIds(db, scope.patientIds, scope.prescriptionId, scope.nowMs),
    allergies: allergiesOf(db, scope.patientIds),
  });
}

function concerns(alert: PrescriptionAlert, productIds: ReadonlySet<string>): boolean {
  return productIds.has(alert.productId) || (alert.otherProductId !== null && productIds.has(alert.otherProductId));
}

/** The severe alerts about the new lines that have no reason recorded on the draft yet. */
export function alertsNeedingReason(alerts: readonly PrescriptionAlert[], productIds: ReadonlySet<string>, recorded: readonly RecordedOverride[]): PrescriptionAlert[] {
  const earlier = new Set(recorded.map((override) => override.alertId));
  return alerts.filter((alert) => alert.needsOverride && concerns(alert, productIds) && !earlier.has(alert.id));
}

/** The alerts about the new lines, whether or not they need a reason: what the doctor sees before saving. */
export function alertsAbout(alerts: readonly PrescriptionAlert[], productIds: ReadonlySet<string>): PrescriptionAlert[] {
  return alerts.filter((alert) => concerns(alert, productIds));
}

/**
 * The overrides the new lines need: every severe alert about them must be overridden with a
 * reason, given now or recorded earlier on the draft; otherwise the lines are refused.
 */
export function requiredOverrides(alerts: readonly PrescriptionAlert[], productIds: ReadonlySet<string>, given: readonly AlertOverride[], recorded: readonly RecordedOverride[], by: { userId: string; at: string }): RecordedOverride[] {
  const reasons = new Map(given.map((override) => [override.alertId, override.reason]));
  return alertsNeedingReason(alerts, productIds, recorded).map((alert) => {
    const reason = reasons.get(alert.id);
    if (reason === undefined) throw conflictError(`${alert.message} Give a reason to go ahead, or choose another medicine.`, 'overrides');
    return { alertId: alert.id, kind: alert.kind, severity: alert.severity, message: alert.message, reason, userId: by.userId, at: by.at };
  });
}
