import { z } from 'zod';
import { optionalText } from '../../domain/fields.ts';
import { testKinds } from './catalogue-types.ts';
import { resultFlags } from './flags.ts';
import { orderStatuses, urgencies } from './status.ts';

/** One item of a result as entered: what was measured, against which range, and how it is flagged. */
export const resultSchema = z.object({
  id: z.string(),
  componentCode: z.string(),
  componentName: z.string(),
  loinc: z.string().nullable(),
  value: z.string(),
  unit: z.string(),
  rangeLow: z.string().nullable(),
  rangeHigh: z.string().nullable(),
  flag: z.enum(resultFlags).nullable(),
  /** Whether the person entering it set the flag rather than the range. */
  flaggedByHand: z.boolean(),
  /** A scanned or received report attached by the documents module, when there is one. */
  documentId: z.string().nullable(),
  enteredByName: z.string(),
  enteredAt: z.string(),
});
export type OrderResult = z.infer<typeof resultSchema>;

export const orderSchema = z.object({
  id: z.string(),
  encounterId: z.string(),
  patientId: z.string(),
  testCode: z.string(),
  testName: z.string(),
  kind: z.enum(testKinds),
  loinc: z.string().nullable(),
  urgency: z.enum(urgencies),
  clinicalNote: z.string(),
  status: z.enum(orderStatuses),
  orderedByName: z.string(),
  orderedAt: z.string(),
  collectedAt: z.string().nullable(),
  resultedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string(),
  results: z.array(resultSchema),
});
export type Order = z.infer<typeof orderSchema>;

const decimalText = z
  .string({ error: 'A range end must be a number' })
  .trim()
  .max(16, { error: 'A range end is at most 16 characters' })
  .regex(/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/, { error: 'A range end must be a number' })
  .transform((text) => text.replace(',', '.'));

/** One item as typed: a null flag is computed from the range; a flag given is the person's own. */
export const resultInputSchema = z
  .object({
    componentCode: z.string({ error: 'Choose an item of the test' }).min(1, { error: 'Choose an item of the test' }).max(40),
    value: z.string({ error: 'Type the result' }).trim().min(1, { error: 'Type the result' }).max(2000, { error: 'A result is at most 2,000 characters' }),
    unit: optionalText('Unit', 32),
    rangeLow: decimalText.nullable().default(null),
    rangeHigh: decimalText.nullable().default(null),
    flag: z.enum(resultFlags, { error: 'Choose a flag' }).nullable().default(null),
  })
  .strict();
export type ResultInput = z.input<typeof resultInputSchema>;

/** A result of a patient over time, for the chart's table. */
export const chartResultSchema = z.object({
  orderId: z.string(),
  testCode: z.string(),
  testName: z.string(),
  componentCode: z.string(),
  componentName: z.string(),
  value: z.string(),
  unit: z.string(),
  rangeLow: z.string().nullable(),
  rangeHigh: z.string().nullable(),
  flag: z.enum(resultFlags).nullable(),
  /** When the specimen was taken, or the order was resulted without one. */
  takenAt: z.string(),
});
export type ChartResult = z.infer<typeof chartResultSchema>;

/** An order waiting for its specimen or its result, with whose it is, for the clinic's worklist. */
export const openOrderSchema = z.object({
  order: orderSchema,
  patient: z.object({ id: z.string(), mrn: z.string(), givenName: z.string(), familyName: z.string(), sex: z.string() }),
});
export type OpenOrder = z.infer<typeof openOrderSchema>;
