import { z } from 'zod';
import { emailSchema, localDateSchema, optionalText, phoneSchema, requiredText, uuidSchema } from '../../domain/fields.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';
import { batchOnHandSchema, goodsReceiptSchema, movementViewSchema, scanResultSchema, stockAlertsSchema, supplierSchema } from './stock-views.ts';

/** The pharmacy's stock is kept by pharmacists and administrators. */
const stockKeepers = rolesAccess('ADMIN', 'PHARMACIST');

const packs = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int({ error: `${label} is a whole number of packs` })
    .min(1, { error: `${label} is at least 1` })
    .max(100_000, { error: `${label} is at most 100,000` });

const reason = (label: string) => requiredText(label, 300);

/** Kinds posted through stock.move: receipts come through goods receipts, adjustments through counts. */
export const manualMovementKinds = ['SALE', 'DISPENSE', 'CUSTOMER_RETURN', 'SUPPLIER_RETURN', 'TRANSFER_OUT', 'TRANSFER_IN', 'WRITE_OFF'] as const;

export const stockCalls = {
  'stock.suppliers.list': defineCall({ access: stockKeepers, effect: 'read', input: z.object({}).strict(), output: z.object({ suppliers: z.array(supplierSchema) }) }),
  'stock.suppliers.save': defineCall({
    access: stockKeepers,
    effect: 'write',
    input: z
      .object({ supplierId: uuidSchema.optional(), name: requiredText('Supplier name', 200), contact: optionalText('Contact person', 200), phone: phoneSchema.optional().default(''), email: emailSchema.optional().default(''), active: z.boolean().default(true) })
      .strict(),
    output: supplierSchema,
  }),
  /** Batches with packs on hand (or below zero), for the Stock screen; filtered by product name or lot. */
  'stock.batches.list': defineCall({
    access: stockKeepers,
    effect: 'read',
    input: z.object({ query: z.string().trim().max(100).default(''), productId: uuidSchema.optional(), includeEmpty: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(200) }).strict(),
    output: z.object({ batches: z.array(batchOnHandSchema) }),
  }),
  'stock.batches.history': defineCall({
    access: stockKeepers,
    effect: 'read',
    input: z.object({ batchId: uuidSchema }).strict(),
    output: z.object({ batch: batchOnHandSchema, movements: z.array(movementViewSchema) }),
  }),
  'stock.alerts': defineCall({ access: stockKeepers, effect: 'read', input: z.object({}).strict(), output: stockAlertsSchema }),
  /** Reads a scanned or typed code and finds its product and, for a GS1 pack, its batch. */
  'stock.scan': defineCall({
    access: stockKeepers,
    effect: 'read',
    input: z.object({ code: z.string({ error: 'Scan or type a code' }).min(1, { error: 'Scan or type a code' }).max(200, { error: 'A code has at most 200 characters' }) }).strict(),
    output: scanResultSchema,
  }),
  /** The batches packs would come from, first expiry first, or the chosen one. */
  'stock.pick': defineCall({
    access: stockKeepers,
    effect: 'read',
    input: z.object({ productId: uuidSchema, quantity: packs('The quantity'), chosenBatchId: uuidSchema.nullable().default(null), expiredOverrideReason: z.string().trim().max(300).nullable().default(null) }).strict(),
    output: z.object({ picks: z.array(z.object({ batchId: z.string(), lot: z.string(), expiryDate: z.string().nullable(), quantity: z.number() })), shortBy: z.number() }),
  }),
  /** A movement other than a receipt or a count: a write-off, a return, a transfer, a sale or dispense by hand. */
  'stock.move': defineCall({
    access: stockKeepers,
    effect: 'write',
    input: z
      .object({
        batchId: uuidSchema,
        kind: z.enum(manualMovementKinds, { error: 'Choose what happened to the packs' }),
        quantity: packs('The quantity'),
        reason: z.string().trim().max(300).default(''),
        otherClinicId: uuidSchema.brand<'ClinicId'>().nullable().default(null),
        expiredOverrideReason: z.string().trim().max(300).nullable().default(null),
      })
      .strict()
      .refine((input) => !['SUPPLIER_RETURN', 'WRITE_OFF'].includes(input.kind) || input.reason !== '', { error: 'Give the reason', path: ['reason'] })
      .refine((input) => !['TRANSFER_OUT', 'TRANSFER_IN'].includes(input.kind) || input.otherClinicId !== null, { error: 'Choose the other clinic', path: ['otherClinicId'] }),
    output: z.object({ movementId: z.string(), onHand: z.number() }),
  }),
  'stock.receipts.list': defineCall({ access: stockKeepers, effect: 'read', input: z.object({}).strict(), output: z.object({ receipts: z.array(goodsReceiptSchema.omit({ lines: true })) }) }),
  'stock.receipts.get': defineCall({ access: stockKeepers, effect: 'read', input: z.object({ receiptId: uuidSchema }).strict(), output: goodsReceiptSchema }),
  'stock.receipts.open': defineCall({
    access: stockKeepers,
    effect: 'write',
    input: z.object({ supplierId: uuidSchema.describe('supplier'), supplierReference: optionalText('Delivery note number', 100) }).strict(),
    output: goodsReceiptSchema,
  }),
  /** One line of a delivery: its packs are in stock as soon as it is received. */
  'stock.receipts.receiveLine': defineCall({
    access: stockKeepers,
    effect: 'write',
    input: z
      .object({
        receiptId: uuidSchema,
        productId: uuidSchema,
        lot: requiredText('Lot', 40),
        expiryDate: localDateSchema.nullable(),
        quantity: packs('The quantity'),
        costPriceMinor: z.number({ error: 'The cost price must be a number' }).int({ error: 'The cost price is in the smallest unit of the currency' }).min(0, { error: 'The cost price cannot be negative' }).max(1_000_000_000),
      })
      .strict(),
    output: goodsReceiptSchema,
  }),
  'stock.receipts.post': defineCall({ access: stockKeepers, effect: 'write', input: z.object({ receiptId: uuidSchema }).strict(), output: goodsReceiptSchema }),
  /** The count sheet: every batch the ledger says is on the shelf (or below zero). */
  'stock.count.sheet': defineCall({ access: stockKeepers, effect: 'read', input: z.object({}).strict(), output: z.object({ lines: z.array(batchOnHandSchema) }) }),
  /** Posts the differences between counted and expected packs as adjustments, with the reason. */
  'stock.count.post': defineCall({
    access: stockKeepers,
    effect: 'write',
    input: z
      .object({
        reason: reason('Reason for the count'),
        lines: z
          .array(z.object({ batchId: uuidSchema, expected: z.number().int(), counted: z.number({ error: 'Enter the packs counted' }).int({ error: 'Packs counted is a whole number' }).min(0, { error: 'Packs counted cannot be negative' }).max(1_000_000) }).strict())
          .min(1, { error: 'Count at least one batch' })
          .max(5_000),
      })
      .strict(),
    output: z.object({ countId: z.string(), adjusted: z.number() }),
  }),
} as const;
