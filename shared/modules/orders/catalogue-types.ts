import { z } from 'zod';

export const testKinds = ['LAB', 'IMAGING'] as const;
export type TestKind = (typeof testKinds)[number];

/**
 * A reference range as decimal text, the way a laboratory prints it ("13.5"), so no binary
 * fraction creeps into what the chart shows. An open end is null ("< 5.0" has no low end).
 */
export const referenceRangeSchema = z.object({ low: z.string().nullable(), high: z.string().nullable() });
export type ReferenceRange = z.infer<typeof referenceRangeSchema>;

/** What one measured item of a test is: a number against a range, or words (a report, "negative"). */
export const componentSchema = z.object({
  code: z.string(),
  name: z.string(),
  loinc: z.string().nullable(),
  unit: z.string(),
  valueKind: z.enum(['NUMBER', 'TEXT']),
  /** The range for everyone, or null where the test has none (a report). */
  range: referenceRangeSchema.nullable(),
  /** Where the range differs by sex; a patient of another sex gets `range`. */
  rangeBySex: z.object({ MALE: referenceRangeSchema, FEMALE: referenceRangeSchema }).nullable(),
  /** For a TEXT item, the answer that is normal ("Negative"); anything else is flagged abnormal. */
  normalText: z.string().nullable(),
});
export type TestComponent = z.infer<typeof componentSchema>;

/** A test or study the clinic can order, with what it bills (code and price in minor units). */
export const catalogueTestSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(testKinds),
  loinc: z.string().nullable(),
  specimen: z.string(),
  priceCode: z.string(),
  unitPriceMinor: z.number().int(),
  components: z.array(componentSchema),
});
export type CatalogueTest = z.infer<typeof catalogueTestSchema>;
