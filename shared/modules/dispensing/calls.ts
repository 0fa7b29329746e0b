import { z } from 'zod';
import { defineCall, rolesAccess } from '../../api/define.ts';
import { patientIdSchema } from '../../domain/ids.ts';
import { uuidSchema } from '../../domain/fields.ts';
import { alertOverrideSchema } from '../medicines/index.ts';
import { packScanSchema, prescriptionSummarySchema, prescriptionToDispenseSchema } from './dispense-views.ts';
import { registerEntrySchema } from './register-views.ts';

/** The pharmacy counter: pharmacists, and administrators who stand in for them. */
const pharmacy = rolesAccess('PHARMACIST', 'ADMIN');

const packs = z.number({ error: 'The quantity must be a number' }).int({ error: 'The quantity is a whole number of packs' }).min(1, { error: 'The quantity is at least 1' }).max(10_000, { error: 'The quantity is at most 10,000' });

/** The patient the pharmacist has checked at the counter; a prescription of anyone else is stopped. */
const counterPatientId = patientIdSchema.nullable().default(null);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'A date is YYYY-MM-DD' });

export const dispensingCalls = {
  /** A signed prescription by its reference, as scanned from the QR code or typed, ready to dispense. */
  'dispensing.find': defineCall({
    access: pharmacy,
    effect: 'read',
    input: z.object({ reference: z.string({ error: 'Scan or type the prescription reference' }).trim().min(3, { error: 'Scan or type the prescription reference' }).max(60, { error: 'A reference has at most 60 characters' }), counterPatientId }).strict(),
    output: prescriptionToDispenseSchema,
  }),
  /** The signed prescriptions of the patient at the counter, newest first. */
  'dispensing.ofPatient': defineCall({
    access: pharmacy,
    effect: 'read',
    input: z.object({ patientId: patientIdSchema }).strict(),
    output: z.object({ prescriptions: z.array(prescriptionSummarySchema) }),
  }),
  /** A pack scanned at the counter, checked against the prescription on screen: the wrong medicine is stopped. */
  'dispensing.scanPack': defineCall({
    access: pharmacy,
    effect: 'read',
    input: z.object({ prescriptionId: uuidSchema, code: z.string({ error: 'Scan or type a code' }).min(1, { error: 'Scan or type a code' }).max(200, { error: 'A code has at most 200 characters' }) }).strict(),
    output: packScanSchema,
  }),
  /**
   * Hands over packs of the prescription's lines, in one local transaction: the dispense record,
   * the stock movements per batch and, for a controlled medicine, the register entry. What is not
   * handed over stays open; more than prescribed is refused.
   */
  'dispensing.dispense': defineCall({
    access: pharmacy,
    effect: 'write',
    input: z
      .object({
        prescriptionId: uuidSchema,
        counterPatientId: patientIdSchema,
        lines: z
          .array(
            z
              .object({
                prescriptionLineId: uuidSchema,
                quantity: packs,
                /** The pack in hand's batch; without one, first expiry first. */
                batchId: uuidSchema.nullable().default(null),
                expiredOverrideReason: z.string().trim().max(300).nullable().default(null),
              })
              .strict(),
          )
          .min(1, { error: 'Choose what to hand over' })
          .max(100, { error: 'At most 100 lines' }),
        overrides: z.array(alertOverrideSchema).max(50, { error: 'At most 50 overrides' }).default([]),
      })
      .strict(),
    output: z.object({ dispenseId: z.string(), prescription: prescriptionToDispenseSchema }),
  }),
  /** The controlled drugs register of this clinic, newest first, by product and dates. */
  'dispensing.controlledRegister': defineCall({
    access: pharmacy,
    effect: 'read',
    input: z.object({ productId: uuidSchema.nullable().default(null), from: isoDate.nullable().default(null), to: isoDate.nullable().default(null) }).strict(),
    output: z.object({ entries: z.array(registerEntrySchema), products: z.array(z.object({ id: z.string(), label: z.string() })), truncated: z.boolean() }),
  }),
} as const;
