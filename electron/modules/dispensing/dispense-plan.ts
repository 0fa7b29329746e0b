import { conflictError, validationError } from '#shared/api/errors.ts';
import type { AlertOverride, PrescriptionAlert } from '#shared/modules/medicines/index.ts';
import { overridesMissing } from '#shared/modules/medicines/index.ts';
import type { DispenseLine, PrescriptionToDispense } from '#shared/modules/dispensing/dispense-views.ts';
import type { Db } from '../../db/database.ts';
import { pickFromStock } from '../stock/index.ts';
import type { CounterClinic } from './dispense-state.ts';

// A dispense as asked turned into what it will write, every check done before the write starts:
// only lines of this prescription, never more than remains, packs from batches on hand (first
// expiry first, or the pack in hand's), and every severe alert about what is handed over
// overridden with a reason, by the prescriber earlier or by the pharmacist now.

export type AskedLine = { readonly prescriptionLineId: string; readonly quantity: number; readonly batchId: string | null; readonly expiredOverrideReason: string | null };

export type PlannedPack = { readonly line: DispenseLine; readonly batchId: string; readonly lot: string; readonly quantity: number; readonly expiredOverrideReason: string };

export type DispensePlan = { readonly packs: readonly PlannedPack[]; readonly overrides: readonly (PrescriptionAlert & { readonly reason: string })[] };

function concerns(alert: PrescriptionAlert, productIds: ReadonlySet<string>): boolean {
  return productIds.has(alert.productId) || (alert.otherProductId !== null && productIds.has(alert.otherProductId));
}

function packsOf(db: Db, clinic: CounterClinic, line: DispenseLine, asked: AskedLine, field: string): PlannedPack[] {
  const picked = pickFromStock(db, clinic.clinicId, line.productId, { quantity: asked.quantity, today: clinic.today, chosenBatchId: asked.batchId, expiredOverrideReason: asked.expiredOverrideReason });
  if (!picked.ok) throw conflictError(picked.message, `${field}.batchId`);
  if (picked.shortBy > 0) throw conflictError(`Only ${String(asked.quantity - picked.shortBy)} packs of ${line.productLabel} are on hand. Hand over what there is; the rest stays open on the prescription.`, `${field}.quantity`);
  const reason = (asked.expiredOverrideReason ?? '').trim();
  return picked.picks.map((pick) => ({ line, batchId: pick.batchId, lot: pick.lot, quantity: pick.quantity, expiredOverrideReason: pick.batchId === asked.batchId ? reason : '' }));
}

export function planDispense(db: Db, clinic: CounterClinic, state: PrescriptionToDispense, asked: readonly AskedLine[], given: readonly AlertOverride[]): DispensePlan {
  const askedSoFar = new Map<string, number>();
  const packs = asked.flatMap((wanted, index) => {
    const field = `lines.${String(index)}`;
    const line = state.lines.find((candidate) => candidate.id === wanted.prescriptionLineId);
    if (line === undefined) throw validationError(`${field}.prescriptionLineId`, 'That medicine is not on this prescription.');
    const total = (askedSoFar.get(line.id) ?? 0) + wanted.quantity;
    askedSoFar.set(line.id, total);
    if (total > line.remaining) throw conflictError(line.remaining === 0 ? `${line.productLabel} has been dispensed in full on this prescription.` : `Only ${String(line.remaining)} packs of ${line.productLabel} remain on this prescription: more than prescribed is not handed over.`, `${field}.quantity`);
    return packsOf(db, clinic, line, wanted, field);
  });
  const handedOver = new Set(packs.map((pack) => pack.line.productId));
  const relevant = state.alerts.filter((alert) => concerns(alert, handedOver));
  const [missing] = overridesMissing(relevant, [...state.prescriberOverrides, ...given]);
  if (missing !== undefined) throw conflictError(`${missing.message} Give a reason to go ahead, or do not hand this medicine over.`, 'overrides');
  const prescriberIds = new Set(state.prescriberOverrides.map((override) => override.alertId));
  const reasons = new Map(given.map((override) => [override.alertId, override.reason]));
  const overrides = relevant.filter((alert) => alert.needsOverride && !prescriberIds.has(alert.id)).map((alert) => ({ ...alert, reason: reasons.get(alert.id) ?? '' }));
  return { packs, overrides };
}
