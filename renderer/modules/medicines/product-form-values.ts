import { doseUnits, type DoseUnit, type Product, type ProductInput, type ProductKind, type Route } from '#shared/modules/medicines/product.ts';
import type { FieldErrors } from '../../forms/schema-form.ts';

/** The product form as typed: numbers may be empty, pack sizes are one line of text. */
export type ProductFormValues = {
  kind: ProductKind;
  genericName: string;
  brandName: string;
  strengthText: string;
  strengthAmount: number | string;
  strengthUnit: DoseUnit | null;
  doseForm: string;
  route: Route | null;
  ingredients: { name: string; strength: string }[];
  atcCode: string;
  therapeuticClass: string;
  packSizes: string;
  prescriptionOnly: boolean;
  controlled: boolean;
  highAlert: boolean;
  maxDailyAmount: number | string;
  maxDailyUnit: DoseUnit | null;
};

export const doseUnitOptions = doseUnits.map((unit) => ({ value: unit, label: unit }));

export function emptyProductForm(): ProductFormValues {
  return { kind: 'MEDICINE', genericName: '', brandName: '', strengthText: '', strengthAmount: '', strengthUnit: 'mg', doseForm: '', route: 'ORAL', ingredients: [], atcCode: '', therapeuticClass: '', packSizes: '', prescriptionOnly: true, controlled: false, highAlert: false, maxDailyAmount: '', maxDailyUnit: 'mg' };
}

export function productFormOf(product: Product): ProductFormValues {
  return {
    kind: product.kind,
    genericName: product.genericName,
    brandName: product.brandName,
    strengthText: product.strengthText,
    strengthAmount: product.strength?.amount ?? '',
    strengthUnit: product.strength?.unit ?? 'mg',
    doseForm: product.doseForm,
    route: product.route,
    ingredients: product.ingredients.map((ingredient) => ({ ...ingredient })),
    atcCode: product.atcCode,
    therapeuticClass: product.therapeuticClass,
    packSizes: product.packSizes.join(', '),
    prescriptionOnly: product.prescriptionOnly,
    controlled: product.controlled,
    highAlert: product.highAlert,
    maxDailyAmount: product.maxDailyDose?.amount ?? '',
    maxDailyUnit: product.maxDailyDose?.unit ?? 'mg',
  };
}

function amountOf(amount: number | string, unit: DoseUnit | null): { amount: number; unit: DoseUnit } | null {
  if (amount === '' || unit === null) return null;
  return { amount: Number(amount), unit };
}

/** Pack sizes as typed ("21, 28"); anything that is not a whole number is left for the core to refuse. */
function packSizesOf(text: string): number[] {
  return text
    .split(/[,;\s]+/)
    .filter((part) => part !== '')
    .map(Number);
}

/** What the core is sent; a medicine's fields are dropped for other goods, which have none. */
export function productInputOf(values: ProductFormValues): ProductInput {
  const medicine = values.kind === 'MEDICINE';
  return {
    kind: values.kind,
    genericName: values.genericName,
    brandName: values.brandName,
    strengthText: values.strengthText,
    strength: medicine ? amountOf(values.strengthAmount, values.strengthUnit) : null,
    doseForm: values.doseForm,
    route: medicine ? values.route : null,
    ingredients: medicine ? values.ingredients.filter((ingredient) => ingredient.name.trim() !== '' || ingredient.strength.trim() !== '') : [],
    atcCode: medicine ? values.atcCode : '',
    therapeuticClass: medicine ? values.therapeuticClass : '',
    packSizes: packSizesOf(values.packSizes),
    prescriptionOnly: values.prescriptionOnly,
    controlled: medicine && values.controlled,
    highAlert: values.highAlert,
    maxDailyDose: medicine ? amountOf(values.maxDailyAmount, values.maxDailyUnit) : null,
  };
}

/** The core names fields by the input's paths; the form's own names differ for amounts and pack sizes. */
export function formErrorsOf(errors: FieldErrors): FieldErrors {
  const renamed: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith('strength.')) renamed['strengthAmount'] = message;
    else if (path.startsWith('maxDailyDose')) renamed['maxDailyAmount'] = message;
    else if (path.startsWith('packSizes')) renamed['packSizes'] = message;
    else renamed[path] = message;
  }
  return renamed;
}
