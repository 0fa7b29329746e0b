import { z } from 'zod';
import { productInputSchema } from '#shared/modules/medicines/product.ts';
import type { DemoStep } from '../../demo/demo-session.ts';
import demoCatalogue from './data/demo-catalogue.json' with { type: 'json' };

const demoEntrySchema = z.object({ product: productInputSchema, gtins: z.array(z.string()) });

/** A price in minor units that looks like a pharmacy's: 1.49, 3.99, 12.49. */
function demoPrice(random: () => number, prescriptionOnly: boolean): number {
  const base = prescriptionOnly ? 300 + Math.floor(random() * 2500) : 99 + Math.floor(random() * 1200);
  return Math.floor(base / 50) * 50 + 49;
}

/** The chain's catalogue, with its codes, and Riverside's prices, taxes and reorder levels. */
export const medicinesDemo: DemoStep = async ({ call, random, made }) => {
  const ids: string[] = [];
  for (const raw of demoCatalogue) {
    const entry = demoEntrySchema.parse(raw);
    const product = await call('medicines.create', entry.product);
    for (const code of entry.gtins) await call('medicines.addBarcode', { productId: product.id, kind: 'GTIN', code });
    // Medicines carry no sales tax in many countries; goods carry the standard rate.
    const taxRateBp = product.kind === 'MEDICINE' ? 0 : 2000;
    await call('medicines.setClinicSettings', { productId: product.id, salePriceMinor: demoPrice(random, product.prescriptionOnly), taxRateBp, reorderLevel: product.kind === 'MEDICINE' ? 10 + Math.floor(random() * 40) : 5 });
    ids.push(product.id);
  }
  made.set('medicines', ids);
};
