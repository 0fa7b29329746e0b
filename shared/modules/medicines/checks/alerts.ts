import { z } from 'zod';

export const alertSeverities = ['MINOR', 'MODERATE', 'SEVERE', 'CONTRAINDICATED'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];
export const alertSeverityLabels: Readonly<Record<AlertSeverity, string>> = { MINOR: 'Minor', MODERATE: 'Moderate', SEVERE: 'Severe', CONTRAINDICATED: 'Contraindicated' };

export const alertKinds = ['ALLERGY', 'CROSS_SENSITIVITY', 'INTERACTION', 'DUPLICATE', 'DOSE'] as const;
export type AlertKind = (typeof alertKinds)[number];
export const alertKindLabels: Readonly<Record<AlertKind, string>> = {
  ALLERGY: 'Allergy',
  CROSS_SENSITIVITY: 'Possible cross-allergy',
  INTERACTION: 'Interaction',
  DUPLICATE: 'Duplicate therapy',
  DOSE: 'Dose above the maximum',
};

const rank: Readonly<Record<AlertSeverity, number>> = { MINOR: 0, MODERATE: 1, SEVERE: 2, CONTRAINDICATED: 3 };

export function severityRank(severity: AlertSeverity): number {
  return rank[severity];
}

/** One step up, for a cross-allergy when the recorded reaction was severe. */
export function raisedSeverity(severity: AlertSeverity): AlertSeverity {
  return alertSeverities[Math.min(rank[severity] + 1, alertSeverities.length - 1)] ?? severity;
}

/** A severe or contraindicated alert goes ahead only with a reason, recorded with the prescription. */
export function needsOverride(severity: AlertSeverity): boolean {
  return rank[severity] >= rank.SEVERE;
}

export const prescriptionAlertSchema = z.object({
  /** The same for the same finding each time the checks run, so an override given to it stays attached. */
  id: z.string(),
  kind: z.enum(alertKinds),
  severity: z.enum(alertSeverities),
  /** The medicine being prescribed that the alert is about. */
  productId: z.string(),
  /** The other medicine, for an interaction or a duplicate. */
  otherProductId: z.string().nullable(),
  message: z.string(),
  advice: z.string(),
  needsOverride: z.boolean(),
});
export type PrescriptionAlert = z.infer<typeof prescriptionAlertSchema>;

export const alertOverrideSchema = z
  .object({
    alertId: z.string().min(1).max(300),
    reason: z.string({ error: 'Give a reason' }).trim().min(3, { error: 'Give a reason of a few words' }).max(500, { error: 'A reason has at most 500 characters' }),
  })
  .strict();
export type AlertOverride = z.infer<typeof alertOverrideSchema>;

/**
 * The alerts that may not go ahead as they stand: severe or contraindicated ones without an
 * override giving a reason. A caller refuses to sign or dispense while this is not empty.
 */
export function overridesMissing(alerts: readonly PrescriptionAlert[], overrides: readonly { readonly alertId: string; readonly reason: string }[]): PrescriptionAlert[] {
  const reasoned = new Set(overrides.filter((override) => override.reason.trim().length >= 3).map((override) => override.alertId));
  return alerts.filter((alert) => alert.needsOverride && !reasoned.has(alert.id));
}

/** Most severe first, then by kind, so the screen shows what matters most at the top. */
export function sortedAlerts(alerts: readonly PrescriptionAlert[]): PrescriptionAlert[] {
  return [...alerts].sort((a, b) => rank[b.severity] - rank[a.severity] || alertKinds.indexOf(a.kind) - alertKinds.indexOf(b.kind) || a.id.localeCompare(b.id));
}
