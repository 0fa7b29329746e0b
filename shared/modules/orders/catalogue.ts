import type { CatalogueTest, ReferenceRange, TestComponent } from './catalogue-types.ts';
import { imagingStudies } from './data/imaging-studies.ts';
import { labTests } from './data/lab-tests.ts';

/**
 * The tests a workstation can order: shipped with the app, the same on every workstation of a
 * version, so an order keeps a copy of what it needs (name, LOINC, price) and never depends on a
 * later edition of the list.
 */
export const orderCatalogue: readonly CatalogueTest[] = [...labTests, ...imagingStudies];

const byCode = new Map(orderCatalogue.map((test) => [test.code, test]));

export function catalogueTest(code: string): CatalogueTest | undefined {
  return byCode.get(code);
}

/** The tests whose code, name or LOINC code holds every typed word, lab tests first. */
export function searchCatalogue(tests: readonly CatalogueTest[], query: string): CatalogueTest[] {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
  return tests.filter((test) => {
    const text = `${test.code} ${test.name} ${test.loinc ?? ''} ${test.components.map((component) => component.name).join(' ')}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** The reference range that applies to a patient of this sex, or null where the item has none. */
export function rangeFor(component: TestComponent, sex: string): ReferenceRange | null {
  if (component.rangeBySex !== null && (sex === 'MALE' || sex === 'FEMALE')) return component.rangeBySex[sex];
  return component.range;
}
