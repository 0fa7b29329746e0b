import { z } from 'zod';
import { optionalText } from '../../domain/fields.ts';
import { alertKinds, alertOverrideSchema, alertSeverities, prescriptionAlertSchema } from '../medicines/index.ts';
import { doseAmountSchema, routes } from '../medicines/index.ts';
import { frequencies, frequencySchema } from './frequency.ts';

export const prescriptionStatuses = ['DRAFT', 'SIGNED'] as const;

/** One medicine as the doctor writes it. A null quantity is computed from dose, frequency and days. */
export const prescriptionLineInputSchema = z
  .object({
    productId: z.uuid({ error: 'Choose a medicine' }),
    dose: doseAmountSchema,
    route: z.enum(routes, { error: 'Choose a route' }).nullable().default(null),
    frequency: frequencySchema,
    durationDays: z.number({ error: 'Days must be a number' }).int({ error: 'Days are a whole number' }).min(1, { error: 'At least one day' }).max(365, { error: 'At most 365 days' }).nullable().default(null),
    quantity: z.number({ error: 'Quantity must be a number' }).int({ error: 'Quantity is a whole number' }).min(1, { error: 'At least one' }).max(10_000, { error: 'At most 10,000' }).nullable().default(null),
    refills: z.number({ error: 'Refills must be a number' }).int({ error: 'Refills are a whole number' }).min(0, { error: 'Refills cannot be negative' }).max(12, { error: 'At most 12 refills' }).default(0),
    instructions: optionalText('Instructions for the patient', 500),
  })
  .strict();
export type PrescriptionLineInput = z.input<typeof prescriptionLineInputSchema>;
export type ParsedPrescriptionLine = z.output<typeof prescriptionLineInputSchema>;

/** An alert the doctor went ahead despite, with their reason: kept with the line for good. */
export const recordedOverrideSchema = z.object({
  alertId: z.string(),
  kind: z.enum(alertKinds),
  severity: z.enum(alertSeverities),
  message: z.string(),
  reason: z.string(),
  userId: z.string(),
  at: z.string(),
});
export type RecordedOverride = z.infer<typeof recordedOverrideSchema>;

export const prescriptionLineSchema = z.object({
  id: z.string(),
  productId: z.string(),
  productLabel: z.string(),
  dose: doseAmountSchema,
  route: z.enum(routes).nullable(),
  frequency: z.enum(frequencies),
  /** The frequency in words, as printed for the patient. */
  frequencyWords: z.string(),
  durationDays: z.number().nullable(),
  quantity: z.number().nullable(),
  refills: z.number(),
  instructions: z.string(),
  overrides: z.array(recordedOverrideSchema),
});
export type PrescriptionLine = z.infer<typeof prescriptionLineSchema>;

export const prescriptionSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(prescriptionStatuses),
  encounterId: z.string(),
  patientId: z.string(),
  doctorName: z.string(),
  signedAt: z.string().nullable(),
  lines: z.array(prescriptionLineSchema),
});
export type Prescription = z.infer<typeof prescriptionSchema>;

export const prescriptionWithAlertsSchema = z.object({
  prescription: prescriptionSchema.nullable(),
  /** The checks over the draft as it stands (none once signed). */
  alerts: z.array(prescriptionAlertSchema),
});

export const overridesSchema = z.array(alertOverrideSchema).max(50, { error: 'At most 50 overrides' }).default([]);
