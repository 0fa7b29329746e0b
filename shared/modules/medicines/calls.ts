import { z } from 'zod';
import { uuidSchema } from '../../domain/fields.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';
import { barcodeKinds, barcodeSchema, productInputSchema, productKinds, productSchema, productSummarySchema } from './product.ts';

/** Pharmacists and administrators keep the catalogue; doctors read it to prescribe. */
const catalogueReaders = rolesAccess('ADMIN', 'PHARMACIST', 'DOCTOR');
const catalogueEditors = rolesAccess('ADMIN', 'PHARMACIST');

const productIdSchema = z.uuid({ error: 'Choose a product' });

export const productSearchInputSchema = z
  .object({
    query: z.string({ error: 'Type part of a name' }).trim().min(1, { error: 'Type part of a name' }).max(100, { error: 'Type at most 100 characters' }),
    limit: z.number().int().min(1).max(100).default(20),
    includeRetired: z.boolean().default(false),
    /** Only these kinds (a prescription wants medicines only); all when absent. */
    kinds: z.array(z.enum(productKinds)).max(productKinds.length).optional(),
  })
  .strict();

export const clinicSettingsInputSchema = z
  .object({
    productId: productIdSchema,
    salePriceMinor: z
      .number({ error: 'The price must be a number' })
      .int({ error: 'The price is in the smallest unit of the currency (cents): a whole number' })
      .min(0, { error: 'The price cannot be negative' })
      .max(1_000_000_000, { error: 'The price is too large' })
      .nullable(),
    taxRateBp: z
      .number({ error: 'The tax rate must be a number' })
      .int({ error: 'The tax rate is in hundredths of a percent (basis points): a whole number' })
      .min(0, { error: 'The tax rate cannot be negative' })
      .max(10_000, { error: 'The tax rate is at most 100 %' }),
    reorderLevel: z.number({ error: 'The reorder level must be a number' }).int({ error: 'The reorder level is a whole number' }).min(0, { error: 'The reorder level cannot be negative' }).max(1_000_000, { error: 'The reorder level is too large' }),
  })
  .strict();

export const medicineCatalogueCalls = {
  'medicines.search': defineCall({
    access: catalogueReaders,
    effect: 'read',
    input: productSearchInputSchema,
    output: z.object({ products: z.array(productSummarySchema) }),
  }),
  'medicines.get': defineCall({
    access: catalogueReaders,
    effect: 'read',
    input: z.object({ productId: productIdSchema }).strict(),
    output: productSchema,
  }),
  /** A scanned or typed code: a GTIN in any of its lengths, or the clinic's own code. */
  'medicines.findByBarcode': defineCall({
    access: catalogueReaders,
    effect: 'read',
    input: z.object({ code: z.string({ error: 'Scan or type a code' }).trim().min(1, { error: 'Scan or type a code' }).max(64, { error: 'A code has at most 64 characters' }) }).strict(),
    output: z.object({ product: productSchema.nullable() }),
  }),
  'medicines.create': defineCall({
    access: catalogueEditors,
    effect: 'write',
    input: productInputSchema,
    output: productSchema,
  }),
  'medicines.update': defineCall({
    access: catalogueEditors,
    effect: 'write',
    input: z.object({ productId: productIdSchema, product: productInputSchema }).strict(),
    output: productSchema,
  }),
  /** Retired products stay for history (prescriptions, stock) but are no longer offered. */
  'medicines.retire': defineCall({
    access: catalogueEditors,
    effect: 'write',
    input: z.object({ productId: productIdSchema, retired: z.boolean() }).strict(),
    output: productSchema,
  }),
  'medicines.addBarcode': defineCall({
    access: catalogueEditors,
    effect: 'write',
    input: z
      .object({
        productId: productIdSchema,
        kind: z.enum(barcodeKinds, { error: 'Choose a GTIN or the clinic’s own code' }),
        code: z.string({ error: 'Type the code' }).trim().min(1, { error: 'Type the code' }).max(64, { error: 'A code has at most 64 characters' }),
      })
      .strict(),
    output: z.object({ barcode: barcodeSchema, product: productSchema }),
  }),
  'medicines.removeBarcode': defineCall({
    access: catalogueEditors,
    effect: 'write',
    input: z.object({ barcodeId: uuidSchema }).strict(),
    output: productSchema,
  }),
  'medicines.setClinicSettings': defineCall({
    access: catalogueEditors,
    effect: 'write',
    input: clinicSettingsInputSchema,
    output: productSchema,
  }),
};
