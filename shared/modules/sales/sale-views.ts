import { z } from 'zod';
import { paymentMethods } from '../../money/payments.ts';
import { scanResultSchema } from '../stock/index.ts';

// What the sales calls answer with.

export const saleKinds = ['SALE', 'RETURN'] as const;

export const saleLineSchema = z.object({
  id: z.string(),
  productId: z.string(),
  productLabel: z.string(),
  batchId: z.string(),
  lot: z.string(),
  quantity: z.number(),
  unitPriceMinor: z.number(),
  discountMinor: z.number(),
  taxRateBasisPoints: z.number(),
  taxMinor: z.number(),
  totalMinor: z.number(),
  /** For a return's line: the sold line it gives back. */
  returnOfLineId: z.string().nullable(),
  /** Packs of a sold line already given back. */
  returnedQuantity: z.number(),
});

export const salePaymentSchema = z.object({ method: z.enum(paymentMethods), amountMinor: z.number() });

export const saleSchema = z.object({
  id: z.string(),
  kind: z.enum(saleKinds),
  receiptNumber: z.string(),
  returnOfSaleId: z.string().nullable(),
  grossMinor: z.number(),
  discountMinor: z.number(),
  taxMinor: z.number(),
  totalMinor: z.number(),
  changeMinor: z.number(),
  cashRoundingMinor: z.number(),
  reason: z.string(),
  sellerName: z.string(),
  deviceName: z.string(),
  soldAt: z.string(),
  lines: z.array(saleLineSchema),
  payments: z.array(salePaymentSchema),
});
export type SaleView = z.infer<typeof saleSchema>;

/** A scan at the counter: what the stock scan reads, with the line it would add. */
export const saleScanSchema = z.object({
  scan: scanResultSchema,
  line: z
    .object({
      productId: z.string(),
      productLabel: z.string(),
      unitPriceMinor: z.number().nullable(),
      taxRateBasisPoints: z.number(),
      batchId: z.string().nullable(),
      lot: z.string().nullable(),
      expiryDate: z.string().nullable(),
      onHand: z.number(),
    })
    .nullable(),
});
