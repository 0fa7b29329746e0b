import { z } from 'zod';
import { optionalText, requiredText } from '../../domain/fields.ts';

export const productKinds = ['MEDICINE', 'CONSUMABLE', 'DEVICE', 'COSMETIC', 'OTHER'] as const;
export type ProductKind = (typeof productKinds)[number];
export const productKindLabels: Readonly<Record<ProductKind, string>> = { MEDICINE: 'Medicine', CONSUMABLE: 'Consumable', DEVICE: 'Device', COSMETIC: 'Cosmetic', OTHER: 'Other goods' };

export const routes = ['ORAL', 'SUBLINGUAL', 'TOPICAL', 'INHALED', 'NASAL', 'OPHTHALMIC', 'OTIC', 'RECTAL', 'VAGINAL', 'TRANSDERMAL', 'SUBCUTANEOUS', 'INTRAMUSCULAR', 'INTRAVENOUS', 'OTHER'] as const;
export type Route = (typeof routes)[number];
export const routeLabels: Readonly<Record<Route, string>> = {
  ORAL: 'By mouth',
  SUBLINGUAL: 'Under the tongue',
  TOPICAL: 'On the skin',
  INHALED: 'Inhaled',
  NASAL: 'In the nose',
  OPHTHALMIC: 'In the eye',
  OTIC: 'In the ear',
  RECTAL: 'Rectal',
  VAGINAL: 'Vaginal',
  TRANSDERMAL: 'Skin patch',
  SUBCUTANEOUS: 'Injection under the skin',
  INTRAMUSCULAR: 'Injection into a muscle',
  INTRAVENOUS: 'Into a vein',
  OTHER: 'Other',
};

/** The units dose maths works in: a dose and a maximum daily dose are compared only in the same unit. */
export const doseUnits = ['mg', 'mcg', 'g', 'ml', 'IU', 'units', 'puffs', 'drops', 'tablets', 'capsules', 'sachets'] as const;
export type DoseUnit = (typeof doseUnits)[number];
export const doseUnitSchema = z.enum(doseUnits, { error: `Choose a unit: ${doseUnits.join(', ')}` });

/** Mass units convert into one another, so 1 g of a medicine whose maximum is in mg still compares. */
const milligramsPer: Partial<Record<DoseUnit, number>> = { g: 1000, mg: 1, mcg: 0.001 };

/** An amount in the unit wanted, or null when the units do not convert (puffs against mg). */
export function convertDose(amount: number, from: DoseUnit, to: DoseUnit): number | null {
  if (from === to) return amount;
  const fromFactor = milligramsPer[from];
  const toFactor = milligramsPer[to];
  return fromFactor === undefined || toFactor === undefined ? null : (amount * fromFactor) / toFactor;
}

const positiveAmount = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .positive({ error: `${label} must be more than 0` })
    .max(1_000_000, { error: `${label} is too large` });

export const doseAmountSchema = z.object({ amount: positiveAmount('The amount'), unit: doseUnitSchema }).strict();
export type DoseAmount = z.infer<typeof doseAmountSchema>;

export const ingredientSchema = z
  .object({
    name: requiredText('Ingredient name', 120),
    /** As printed on the pack: "500 mg", "125 mg/5 ml". */
    strength: optionalText('Ingredient strength', 40),
  })
  .strict();
export type Ingredient = z.infer<typeof ingredientSchema>;

/** ATC: a letter, two digits, then optionally a letter, a letter and two digits (J01CA04). */
const atcPattern = /^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/;

export const productInputSchema = z
  .object({
    kind: z.enum(productKinds, { error: 'Choose what kind of product it is' }),
    genericName: requiredText('Generic name', 160),
    brandName: optionalText('Brand name', 120),
    /** As printed on the pack: "500 mg", "100 micrograms per puff". */
    strengthText: optionalText('Strength', 60),
    /** The strength as a number and unit, for dose maths; null for goods and combinations. */
    strength: doseAmountSchema.nullable().default(null),
    doseForm: optionalText('Dose form', 60),
    route: z.enum(routes, { error: 'Choose a route' }).nullable().default(null),
    ingredients: z.array(ingredientSchema).max(12, { error: 'At most 12 active ingredients' }).default([]),
    atcCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine((value) => value === '' || atcPattern.test(value), { error: 'An ATC code looks like J01CA04 (a letter, two digits, then letters and digits)' })
      .default(''),
    /** The medicine's class in words ("Penicillins"), used by the checks with its ATC code. */
    therapeuticClass: optionalText('Class', 80),
    packSizes: z
      .array(z.number({ error: 'A pack size must be a number' }).int({ error: 'A pack size is a whole number' }).min(1, { error: 'A pack size is at least 1' }).max(100_000, { error: 'A pack size is at most 100000' }))
      .max(10, { error: 'At most 10 pack sizes' })
      .default([]),
    prescriptionOnly: z.boolean().default(false),
    controlled: z.boolean().default(false),
    highAlert: z.boolean().default(false),
    maxDailyDose: doseAmountSchema.nullable().default(null),
  })
  .strict()
  .refine((product) => product.kind === 'MEDICINE' || product.ingredients.length === 0, { error: 'Only a medicine has active ingredients', path: ['ingredients'] })
  .refine((product) => product.kind === 'MEDICINE' || (!product.controlled && product.maxDailyDose === null), { error: 'Only a medicine can be controlled or have a maximum daily dose', path: ['kind'] })
  .refine((product) => !product.controlled || product.prescriptionOnly, { error: 'A controlled medicine is also prescription-only', path: ['prescriptionOnly'] })
  .refine((product) => new Set(product.packSizes).size === product.packSizes.length, { error: 'A pack size is listed twice', path: ['packSizes'] })
  .refine((product) => new Set(product.ingredients.map((ingredient) => ingredient.name.toLowerCase())).size === product.ingredients.length, { error: 'An ingredient is listed twice', path: ['ingredients'] });
export type ProductInput = z.input<typeof productInputSchema>;
export type ParsedProductInput = z.output<typeof productInputSchema>;

export const barcodeKinds = ['GTIN', 'CLINIC'] as const;
export type BarcodeKind = (typeof barcodeKinds)[number];

export const barcodeSchema = z.object({ id: z.string(), kind: z.enum(barcodeKinds), code: z.string(), lookupCode: z.string() });
export type Barcode = z.infer<typeof barcodeSchema>;

export const clinicProductSettingsSchema = z.object({
  /** Integer minor units of the clinic's currency; null while the clinic has not priced it. */
  salePriceMinor: z.number().int().nullable(),
  /** Basis points: 1250 is 12.5 %. */
  taxRateBp: z.number().int(),
  reorderLevel: z.number().int(),
});
export type ClinicProductSettings = z.infer<typeof clinicProductSettingsSchema>;

export const productSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(productKinds),
  genericName: z.string(),
  brandName: z.string(),
  strengthText: z.string(),
  doseForm: z.string(),
  prescriptionOnly: z.boolean(),
  controlled: z.boolean(),
  highAlert: z.boolean(),
  active: z.boolean(),
});
export type ProductSummary = z.infer<typeof productSummarySchema>;

export const productSchema = productSummarySchema.extend({
  strength: doseAmountSchema.nullable(),
  route: z.enum(routes).nullable(),
  ingredients: z.array(z.object({ name: z.string(), strength: z.string() })),
  atcCode: z.string(),
  therapeuticClass: z.string(),
  packSizes: z.array(z.number()),
  maxDailyDose: doseAmountSchema.nullable(),
  barcodes: z.array(barcodeSchema),
  /** This clinic's price, tax and reorder level; null until set. */
  clinicSettings: clinicProductSettingsSchema.nullable(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof productSchema>;

/** "Amoxicillin 500 mg capsule (Amoxil)": how a product reads in a list. */
export function productLabel(product: Pick<ProductSummary, 'genericName' | 'brandName' | 'strengthText' | 'doseForm'>): string {
  const main = [product.genericName, product.strengthText, product.doseForm].filter((part) => part !== '').join(' ');
  return product.brandName === '' ? main : `${main} (${product.brandName})`;
}
