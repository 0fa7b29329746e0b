import { z } from 'zod';
import { defineCall, rolesAccess } from '../../api/define.ts';
import { prescriptionAlertSchema } from './checks/alerts.ts';
import { doseAmountSchema } from './product.ts';

const productIdSchema = z.uuid({ error: 'Choose a medicine' });

export const prescriptionItemSchema = z
  .object({
    productId: productIdSchema,
    /** One dose, as prescribed: 500 mg, or 2 tablets. */
    dose: doseAmountSchema.nullable().default(null),
    /** How many times a day at most (PRN orders give their most). */
    timesPerDay: z.number({ error: 'Times a day must be a number' }).int({ error: 'Times a day is a whole number' }).min(1, { error: 'At least once a day' }).max(24, { error: 'At most 24 times a day' }).nullable().default(null),
  })
  .strict();
export type PrescriptionItem = z.input<typeof prescriptionItemSchema>;

export const recordedAllergySchema = z
  .object({
    substance: z.string().trim().min(1, { error: 'Name the allergy' }).max(200, { error: 'An allergy has at most 200 characters' }),
    severity: z.enum(['MILD', 'MODERATE', 'SEVERE', 'UNKNOWN'], { error: 'Choose how severe the reaction is' }),
  })
  .strict();

/** An interaction CSV of a few hundred thousand pairs fits. */
const MAX_CSV_CHARACTERS = 64 * 1024 * 1024;

export const medicineCheckCalls = {
  /**
   * The prescribing checks for a prescription being written or dispensed. With a patient, their
   * recorded allergies are read (and the read audited); without one, the allergies given are used.
   */
  'medicines.checkPrescription': defineCall({
    access: rolesAccess('DOCTOR', 'PHARMACIST'),
    effect: 'read',
    input: z
      .object({
        patientId: z.uuid({ error: 'Not a valid patient' }).brand<'PatientId'>().nullable().default(null),
        allergies: z.array(recordedAllergySchema).max(100).default([]),
        currentProductIds: z.array(productIdSchema).max(100, { error: 'At most 100 current medicines' }).default([]),
        items: z.array(prescriptionItemSchema).min(1, { error: 'Add a medicine' }).max(30, { error: 'At most 30 medicines in one prescription' }),
      })
      .strict(),
    output: z.object({ alerts: z.array(prescriptionAlertSchema) }),
  }),
  'medicines.knowledgeBase': defineCall({
    access: rolesAccess('ADMIN', 'PHARMACIST', 'DOCTOR'),
    effect: 'read',
    input: z.object({}).strict(),
    output: z.object({ pairs: z.number(), sources: z.array(z.string()) }),
  }),
  /** Replaces this workstation's interaction knowledge base with a CSV file's pairs, all or nothing. */
  'medicines.importInteractions': defineCall({
    access: rolesAccess('ADMIN'),
    effect: 'write',
    input: z
      .object({
        csv: z.string({ error: 'Choose a CSV file' }).min(1, { error: 'The file is empty' }).max(MAX_CSV_CHARACTERS, { error: 'The file is larger than 64 MB' }),
      })
      .strict(),
    output: z.object({ imported: z.number() }),
  }),
};
