import { z } from 'zod';
import { prescriptionAlertSchema } from '../medicines/index.ts';
import { allergyStatuses } from '../patients/index.ts';

// What the dispensing calls answer with.

/** The patient at the counter as the pharmacist checks them: name and two identifiers, and allergies. */
export const dispensePatientSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  mrn: z.string(),
  birthDate: z.string().nullable(),
  allergyStatus: z.enum(allergyStatuses),
  allergies: z.array(z.object({ substance: z.string(), reaction: z.string(), severity: z.string() })),
});
export type DispensePatient = z.infer<typeof dispensePatientSchema>;

/** A batch the pharmacist may take the packs from. */
export const dispenseBatchSchema = z.object({ batchId: z.string(), lot: z.string(), expiryDate: z.string().nullable(), onHand: z.number(), expired: z.boolean() });
export type DispenseBatch = z.infer<typeof dispenseBatchSchema>;

export const dispenseLineSchema = z.object({
  /** The signed prescription line. */
  id: z.string(),
  productId: z.string(),
  productLabel: z.string(),
  controlled: z.boolean(),
  /** The doctor's words for the patient: "Take 1 capsule by mouth, three times a day for 7 days." */
  directions: z.string(),
  instructions: z.string(),
  /** In packs (see supply.ts): every supply and refill. */
  prescribed: z.number(),
  dispensed: z.number(),
  remaining: z.number(),
  /** What first-expiry-first would take for the remainder, batch by batch. */
  picks: z.array(z.object({ batchId: z.string(), lot: z.string(), expiryDate: z.string().nullable(), quantity: z.number() })),
  /** Packs of the remainder no batch on hand covers. */
  shortBy: z.number(),
  /** Every batch of the product at this clinic with packs on hand, first expiry first. */
  batches: z.array(dispenseBatchSchema),
  unitPriceMinor: z.number().nullable(),
});
export type DispenseLine = z.infer<typeof dispenseLineSchema>;

/** An alert the doctor already went ahead despite, with their reason. */
export const prescriberOverrideSchema = z.object({ alertId: z.string(), reason: z.string() });

export const dispenseHistorySchema = z.object({ id: z.string(), dispensedAt: z.string(), pharmacistName: z.string(), lines: z.array(z.object({ productLabel: z.string(), lot: z.string(), quantity: z.number() })) });

export const prescriptionToDispenseSchema = z.object({
  prescriptionId: z.string(),
  reference: z.string(),
  doctorName: z.string(),
  signedAt: z.string().nullable(),
  patient: dispensePatientSchema,
  lines: z.array(dispenseLineSchema),
  /** The checks run again now: the patient's allergies and medicines may have changed since signing. */
  alerts: z.array(prescriptionAlertSchema),
  /** Severe alerts the prescriber overrode already; the pharmacist overrides only the others. */
  prescriberOverrides: z.array(prescriberOverrideSchema),
  /** Nothing remains to hand over. */
  complete: z.boolean(),
  dispenses: z.array(dispenseHistorySchema),
});
export type PrescriptionToDispense = z.infer<typeof prescriptionToDispenseSchema>;

/** A signed prescription of a patient, in a list to choose from. */
export const prescriptionSummarySchema = z.object({ prescriptionId: z.string(), reference: z.string(), doctorName: z.string(), signedAt: z.string().nullable(), medicines: z.array(z.string()), complete: z.boolean() });

/** What a pack scanned at the counter is, against the prescription open on screen. */
export const packScanSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('match'), lineId: z.string(), productLabel: z.string(), batchId: z.string().nullable(), lot: z.string().nullable(), warnings: z.array(z.string()) }),
  /** A product that is not on the prescription: the wrong medicine, stopped. */
  z.object({ outcome: z.literal('wrong-medicine'), productLabel: z.string(), message: z.string() }),
  z.object({ outcome: z.literal('unknown'), message: z.string() }),
]);
export type PackScan = z.infer<typeof packScanSchema>;
