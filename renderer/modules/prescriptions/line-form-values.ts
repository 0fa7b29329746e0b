import { doseUnits, type DoseUnit, type ProductSummary, type Route } from '#shared/modules/medicines/index.ts';
import { computedQuantity, frequencies, frequencyWords, type Frequency, type PrescriptionLine, type PrescriptionLineInput } from '#shared/modules/prescriptions/index.ts';

/** What the doctor has typed for one medicine; numbers stay text until the line is saved. */
export type LineFormValues = {
  readonly product: ProductSummary | null;
  readonly dose: string;
  readonly unit: DoseUnit;
  readonly route: Route | '';
  readonly frequency: string;
  readonly durationDays: string;
  /** Null while the doctor keeps the computed quantity; what they typed once they change it. */
  readonly quantity: string | null;
  readonly refills: string;
  readonly instructions: string;
};

export const emptyLineForm: LineFormValues = { product: null, dose: '', unit: 'tablets', route: '', frequency: '', durationDays: '', quantity: null, refills: '0', instructions: '' };

// The same units the core counts in to compute a quantity.
const COUNTED_UNITS: ReadonlySet<DoseUnit> = new Set(['tablets', 'capsules', 'puffs', 'drops', 'sachets']);

/** A tablet is prescribed in tablets, a capsule in capsules; anything else starts in mg. */
export function unitFor(product: Pick<ProductSummary, 'doseForm'>): DoseUnit {
  const form = product.doseForm.toLowerCase();
  if (form.includes('capsule')) return 'capsules';
  if (form.includes('tablet')) return 'tablets';
  if (form.includes('inhal')) return 'puffs';
  if (form.includes('drop')) return 'drops';
  if (form.includes('sachet')) return 'sachets';
  return form.includes('suspension') || form.includes('solution') || form.includes('syrup') ? 'ml' : 'mg';
}

export function isDoseUnit(value: string): value is DoseUnit {
  return (doseUnits as readonly string[]).includes(value);
}

/** The abbreviation typed, in any case and with or without spaces, when it is one the core knows. */
export function frequencyOf(typed: string): Frequency | null {
  const wanted = typed.replaceAll(/\s+/g, '').toUpperCase();
  return frequencies.find((frequency) => frequency === wanted) ?? null;
}

/** What the typed frequency means, for the field's description as the doctor types. */
export function frequencyHint(typed: string): string {
  const frequency = frequencyOf(typed);
  if (frequency !== null) return `${frequency}: ${frequencyWords(frequency)}`;
  return `Type ${frequencies.slice(0, 5).join(', ')}…`;
}

function numberOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : Number.NaN;
}

/** The quantity the core would compute from dose, frequency and days; null when it cannot. */
export function suggestedQuantity(values: LineFormValues): number | null {
  const dose = numberOf(values.dose);
  const frequency = frequencyOf(values.frequency);
  const days = numberOf(values.durationDays);
  if (dose === null || Number.isNaN(dose) || dose <= 0 || frequency === null || (days !== null && Number.isNaN(days))) return null;
  return computedQuantity({ doseAmount: dose, countable: COUNTED_UNITS.has(values.unit), frequency, durationDays: days });
}

/**
 * The line as the core takes it. Text that is not a number goes as NaN, and an unknown frequency
 * as typed, so the shared schema's own messages say what is wrong.
 */
export function lineInputOf(values: LineFormValues): PrescriptionLineInput {
  return {
    productId: values.product?.id ?? '',
    dose: { amount: numberOf(values.dose) ?? Number.NaN, unit: values.unit },
    route: values.route === '' ? null : values.route,
    frequency: (frequencyOf(values.frequency) ?? values.frequency) as Frequency,
    durationDays: numberOf(values.durationDays),
    quantity: values.quantity === null ? suggestedQuantity(values) : numberOf(values.quantity),
    refills: numberOf(values.refills) ?? 0,
    instructions: values.instructions,
  };
}

/** The medicine of a saved line as the picker shows it: its label is all the line keeps. */
function pickedProductOf(line: PrescriptionLine): ProductSummary {
  return { id: line.productId, kind: 'MEDICINE', genericName: line.productLabel, brandName: '', strengthText: '', doseForm: '', prescriptionOnly: true, controlled: false, highAlert: false, active: true };
}

/** A saved line back in the form, to change it. */
export function formOfLine(line: PrescriptionLine): LineFormValues {
  return {
    product: pickedProductOf(line),
    dose: String(line.dose.amount),
    unit: line.dose.unit,
    route: line.route ?? '',
    frequency: line.frequency,
    durationDays: line.durationDays === null ? '' : String(line.durationDays),
    quantity: line.quantity === null ? null : String(line.quantity),
    refills: String(line.refills),
    instructions: line.instructions,
  };
}

/** A saved line as the core takes it again, for a repeat's checks. */
export function lineInputFromSaved(line: PrescriptionLine): PrescriptionLineInput {
  return { productId: line.productId, dose: line.dose, route: line.route, frequency: line.frequency, durationDays: line.durationDays, quantity: line.quantity, refills: line.refills, instructions: line.instructions };
}
