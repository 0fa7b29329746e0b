import type { CatalogueTest, ReferenceRange, TestComponent } from '../catalogue-types.ts';

// Small builders so the starter catalogue reads as a table, one line per item.

export const range = (low: string | null, high: string | null): ReferenceRange => ({ low, high });

/** A measured number; `bySex` gives the male and female ranges where they differ. */
export function num(code: string, name: string, loinc: string | null, unit: string, normal: ReferenceRange | null, bySex: { MALE: ReferenceRange; FEMALE: ReferenceRange } | null = null): TestComponent {
  return { code, name, loinc, unit, valueKind: 'NUMBER', range: normal, rangeBySex: bySex, normalText: null };
}

/** An answer in words, normal when it reads `normalText` (null: no answer is flagged by itself). */
export function words(code: string, name: string, loinc: string | null, normalText: string | null): TestComponent {
  return { code, name, loinc, unit: '', valueKind: 'TEXT', range: null, rangeBySex: null, normalText };
}

type Priced = { readonly code: string; readonly name: string; readonly loinc: string | null; readonly specimen: string; readonly priceMinor: number };

/** A laboratory panel of several items. */
export function panel(test: Priced, components: readonly TestComponent[]): CatalogueTest {
  return { code: test.code, name: test.name, kind: 'LAB', loinc: test.loinc, specimen: test.specimen, priceCode: `LAB-${test.code}`, unitPriceMinor: test.priceMinor, components: [...components] };
}

/** A laboratory test of one item, which shares the test's code, name and LOINC. */
export function single(test: Priced, unit: string, normal: ReferenceRange | null, bySex: { MALE: ReferenceRange; FEMALE: ReferenceRange } | null = null): CatalogueTest {
  return panel(test, [num(test.code, test.name, test.loinc, unit, normal, bySex)]);
}

/** A laboratory test answered in words ("Negative"). */
export function qualitative(test: Priced, normalText: string | null): CatalogueTest {
  return panel(test, [words(test.code, test.name, test.loinc, normalText)]);
}

/** An imaging study: its result is the report's impression, flagged abnormal by the reader. */
export function study(code: string, name: string, loinc: string | null, priceMinor: number): CatalogueTest {
  return { code, name, kind: 'IMAGING', loinc, specimen: 'Imaging', priceCode: `IMG-${code}`, unitPriceMinor: priceMinor, components: [words(`${code}-IMP`, 'Impression', null, null)] };
}
