import { z } from 'zod';
import { requiredText, uuidSchema } from '../../domain/fields.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';
import { paymentMethods } from '../../money/payments.ts';
import { saleScanSchema, saleSchema } from './sale-views.ts';

/** Pharmacists and administrators sell; front-desk staff do not. */
const sellers = rolesAccess('ADMIN', 'PHARMACIST');

const minor = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int({ error: `${label} is in the smallest unit of the currency` })
    .min(0, { error: `${label} cannot be negative` })
    .max(1_000_000_000, { error: `${label} is too large` });

const packs = z.number({ error: 'The quantity must be a number' }).int({ error: 'The quantity is a whole number of packs' }).min(1, { error: 'The quantity is at least 1' }).max(10_000, { error: 'The quantity is at most 10,000' });

export const discountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), basisPoints: z.number().int({ error: 'A discount is a whole number of basis points' }).min(0, { error: 'A discount cannot be negative' }).max(10_000, { error: 'A discount is at most 100%' }) }).strict(),
  z.object({ kind: z.literal('amount'), minor: minor('The discount') }).strict(),
]);

/** The counter's thermal printer takes an 80 mm roll; A4 is for a customer who wants an invoice-sized copy. */
export const receiptPapers = ['ROLL_80MM', 'A4'] as const;
export type ReceiptPaper = (typeof receiptPapers)[number];

const paymentSchema = z.object({ method: z.enum(paymentMethods, { error: 'Choose cash, card or mobile money' }), amountMinor: minor('The amount paid').min(1, { error: 'A payment is above zero' }) }).strict();

const saleLineInputSchema = z
  .object({
    productId: uuidSchema,
    quantity: packs,
    /** The pack in hand's batch; without one, packs come first expiry first. */
    batchId: uuidSchema.nullable().default(null),
    discount: discountSchema.nullable().default(null),
    expiredOverrideReason: z.string().trim().max(300).nullable().default(null),
  })
  .strict();

export const salesCalls = {
  /** The hot path of the counter: a scanned code to the product, its price and the batch it would sell from. */
  'sales.scan': defineCall({
    access: sellers,
    effect: 'read',
    input: z.object({ code: z.string({ error: 'Scan or type a code' }).min(1, { error: 'Scan or type a code' }).max(200, { error: 'A code has at most 200 characters' }) }).strict(),
    output: saleScanSchema,
  }),
  /** The sale, its stock movements, payments and receipt number in one local transaction. */
  'sales.commit': defineCall({
    access: sellers,
    effect: 'write',
    input: z
      .object({
        lines: z.array(saleLineInputSchema).min(1, { error: 'Add at least one product' }).max(200, { error: 'A sale has at most 200 lines' }),
        discount: discountSchema.nullable().default(null),
        payments: z.array(paymentSchema).min(1, { error: 'Take a payment' }).max(10, { error: 'At most 10 payments' }),
      })
      .strict(),
    output: saleSchema,
  }),
  'sales.get': defineCall({ access: sellers, effect: 'read', input: z.object({ receiptNumber: requiredText('Receipt number', 60) }).strict(), output: saleSchema }),
  /** A sale or a return as a PDF receipt, with its number as a barcode that the returns screen scans. */
  'sales.receipt': defineCall({
    access: sellers,
    effect: 'read',
    input: z.object({ receiptNumber: requiredText('Receipt number', 60), paper: z.enum(receiptPapers, { error: 'Choose the 80 mm roll or A4' }).default('ROLL_80MM') }).strict(),
    output: z.object({ receiptNumber: z.string(), fileName: z.string(), pdfBase64: z.string() }),
  }),
  /** Gives back packs of an earlier sale: stock returns to its batch, the money to the customer. */
  'sales.return': defineCall({
    access: sellers,
    effect: 'write',
    input: z
      .object({
        saleId: uuidSchema,
        lines: z.array(z.object({ saleLineId: uuidSchema, quantity: packs }).strict()).min(1, { error: 'Choose what is given back' }).max(200),
        refundMethod: z.enum(paymentMethods, { error: 'Choose how the money goes back' }),
        reason: requiredText('Reason for the return', 300),
      })
      .strict(),
    output: saleSchema,
  }),
} as const;
