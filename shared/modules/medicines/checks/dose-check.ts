import { convertDose, type DoseAmount, type DoseUnit } from '../product.ts';
import { needsOverride, type PrescriptionAlert } from './alerts.ts';
import type { MedicineConcepts } from './medicine-concepts.ts';

/** Units that count doses of the product itself: a tablet holds the product's strength. */
const countUnits: ReadonlySet<DoseUnit> = new Set(['tablets', 'capsules', 'sachets', 'puffs', 'drops']);

export type DoseOrder = { readonly dose: DoseAmount | null; readonly timesPerDay: number | null };

function amountWords(amount: number, unit: string): string {
  return `${String(Math.round(amount * 1000) / 1000)} ${unit}`;
}

/** The day's total in the unit of the maximum, or null when it cannot be worked out. */
function dailyInMaximumUnit(medicine: MedicineConcepts, order: DoseOrder, maximum: DoseAmount): number | null {
  if (order.dose === null || order.timesPerDay === null) return null;
  const daily = order.dose.amount * order.timesPerDay;
  const direct = convertDose(daily, order.dose.unit, maximum.unit);
  if (direct !== null) return direct;
  const { strength } = medicine.medicine;
  if (countUnits.has(order.dose.unit) && strength !== null) return convertDose(daily * strength.amount, strength.unit, maximum.unit);
  return null;
}

/** A dose above the catalogue's maximum daily dose, where it gives one. */
export function doseAlert(medicine: MedicineConcepts, order: DoseOrder): PrescriptionAlert | null {
  const maximum = medicine.medicine.maxDailyDose;
  if (maximum === null) return null;
  const daily = dailyInMaximumUnit(medicine, order, maximum);
  if (daily === null || daily <= maximum.amount * (1 + 1e-9)) return null;
  const severity = 'SEVERE';
  return {
    id: `DOSE:${medicine.medicine.productId}`,
    kind: 'DOSE',
    severity,
    productId: medicine.medicine.productId,
    otherProductId: null,
    message: `${medicine.medicine.label}: ${amountWords(daily, maximum.unit)} a day is above the maximum of ${amountWords(maximum.amount, maximum.unit)} a day.`,
    advice: 'Lower the dose or how often it is taken. If the higher dose is intended, record why.',
    needsOverride: needsOverride(severity),
  };
}
