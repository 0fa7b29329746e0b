import { z } from 'zod';
import { movementKinds } from './movements.ts';

// What the stock calls answer with.

export const batchOnHandSchema = z.object({
  batchId: z.string(),
  productId: z.string(),
  productLabel: z.string(),
  lot: z.string(),
  expiryDate: z.string().nullable(),
  costPriceMinor: z.number(),
  supplierName: z.string().nullable(),
  receivedAt: z.string(),
  onHand: z.number(),
});
export type BatchOnHand = z.infer<typeof batchOnHandSchema>;

export const movementViewSchema = z.object({
  id: z.string(),
  batchId: z.string(),
  kind: z.enum(movementKinds),
  quantity: z.number(),
  reason: z.string(),
  documentId: z.string().nullable(),
  userName: z.string(),
  deviceName: z.string(),
  occurredAt: z.string(),
});
export type MovementView = z.infer<typeof movementViewSchema>;

export const supplierSchema = z.object({ id: z.string(), name: z.string(), contact: z.string(), phone: z.string(), email: z.string(), active: z.boolean() });
export type Supplier = z.infer<typeof supplierSchema>;

export const goodsReceiptSchema = z.object({
  id: z.string(),
  reference: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  supplierReference: z.string(),
  status: z.enum(['OPEN', 'POSTED']),
  createdAt: z.string(),
  postedAt: z.string().nullable(),
  lines: z.array(z.object({ movementId: z.string(), batchId: z.string(), productLabel: z.string(), lot: z.string(), expiryDate: z.string().nullable(), quantity: z.number(), costPriceMinor: z.number() })),
});
export type GoodsReceipt = z.infer<typeof goodsReceiptSchema>;

export const reorderLineSchema = z.object({ productId: z.string(), productLabel: z.string(), onHand: z.number(), reorderLevel: z.number() });
export type ReorderLine = z.infer<typeof reorderLineSchema>;

export const expiryAlertSchema = batchOnHandSchema.extend({ daysLeft: z.number() });
export type ExpiryAlert = z.infer<typeof expiryAlertSchema>;

export const stockAlertsSchema = z.object({
  today: z.string(),
  reorder: z.array(reorderLineSchema),
  /** Batches on hand expiring within 90 days, soonest first; each screen groups them by 30, 60, 90. */
  expiring: z.array(expiryAlertSchema),
  expired: z.array(expiryAlertSchema),
});
export type StockAlerts = z.infer<typeof stockAlertsSchema>;

export const scanResultSchema = z.object({
  /**
   * What the code said beyond the product, or why it was refused. The code itself is not echoed:
   * the screen has it, and an answer never repeats an identifier it was asked about.
   */
  reading: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('gtin') }),
    z.object({ kind: z.literal('gs1'), expiry: z.string().nullable(), lot: z.string().nullable(), serial: z.string().nullable() }),
    z.object({ kind: z.literal('own-code') }),
    z.object({ kind: z.literal('refused'), message: z.string() }),
  ]),
  product: z.object({ id: z.string(), label: z.string(), controlled: z.boolean(), prescriptionOnly: z.boolean() }).nullable(),
  /** The batch with the scanned lot at this clinic, when the code carried one that is known. */
  batch: batchOnHandSchema.nullable(),
  /** Warnings for the pharmacist: an unknown lot, an expired pack, an expiry that differs from the batch's. */
  warnings: z.array(z.string()),
});
export type ScanResult = z.infer<typeof scanResultSchema>;
