import { z } from 'zod';

// The controlled drugs register: every supply of a controlled product, out or back.

export const registerEntryKinds = ['DISPENSE', 'SALE', 'RETURN'] as const;
export type RegisterEntryKind = (typeof registerEntryKinds)[number];

export const registerEntryKindLabels: Readonly<Record<RegisterEntryKind, string>> = { DISPENSE: 'Dispensed', SALE: 'Sold', RETURN: 'Returned by customer' };

export const registerEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(registerEntryKinds),
  occurredAt: z.string(),
  productId: z.string(),
  productLabel: z.string(),
  lot: z.string(),
  /** Packs: positive out of the shelf, negative back onto it. */
  quantity: z.number(),
  /** Who it went to: the patient's name and record number, or empty for a counter customer. */
  recipient: z.string(),
  prescriptionReference: z.string(),
  /** The receipt number of a sale or return. */
  documentReference: z.string(),
  userName: z.string(),
  deviceName: z.string(),
});
export type RegisterEntry = z.infer<typeof registerEntrySchema>;
