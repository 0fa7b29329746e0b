import type { PrescriptionToDispense } from '#shared/modules/dispensing/index.ts';

// What the pharmacist is about to hand over, line by line, kept while the prescription is open.

export type LineDraft = { readonly quantity: string; readonly batchId: string; readonly checked: boolean };
export type Draft = Readonly<Record<string, LineDraft>>;

/** Each line starts at what remains and the stock can give, from the batch first expiry first would take. */
export function freshDraft(prescription: PrescriptionToDispense): Draft {
  return Object.fromEntries(
    prescription.lines.map((line) => {
      const available = line.picks.reduce((sum, pick) => sum + pick.quantity, 0);
      return [line.id, { quantity: String(Math.min(line.remaining, available)), batchId: line.picks[0]?.batchId ?? '', checked: false }];
    }),
  );
}

export function packsOf(draft: LineDraft | undefined): number {
  const packs = Number((draft?.quantity ?? '').trim());
  return Number.isInteger(packs) && packs > 0 ? packs : 0;
}

/** Severe alerts the prescriber did not already override: the pharmacist gives the reason. */
export function alertsToOverride(prescription: PrescriptionToDispense) {
  const overridden = new Set(prescription.prescriberOverrides.map((override) => override.alertId));
  return prescription.alerts.filter((alert) => alert.needsOverride && !overridden.has(alert.id));
}
