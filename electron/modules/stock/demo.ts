import { withCheckDigit } from '#shared/modules/medicines/index.ts';
import { addDays } from '#shared/modules/stock/expiry.ts';
import type { DemoStep } from '../../demo/demo-session.ts';

const demoProducts = [
  { genericName: 'Amoxicillin', strengthText: '500 mg', doseForm: 'capsule', code: '950600013435', reorderLevel: 40, lots: [{ lot: 'AMX2301', days: 20, packs: 12 }, { lot: 'AMX2405', days: 400, packs: 18 }] },
  { genericName: 'Paracetamol', strengthText: '500 mg', doseForm: 'tablet', code: '400638133393', reorderLevel: 20, lots: [{ lot: 'PCM118', days: 75, packs: 60 }, { lot: 'PCM097', days: -10, packs: 4 }] },
  { genericName: 'Salbutamol', strengthText: '100 micrograms per puff', doseForm: 'inhaler', code: '501234567890', reorderLevel: 5, lots: [{ lot: 'SLB552', days: 50, packs: 3 }] },
] as const;

/** A small pharmacy: three products with codes and reorder levels, one delivery, and something in each alert. */
export const stockDemo: DemoStep = async ({ call }) => {
  const today = new Date().toISOString().slice(0, 10);
  const supplier = await call('stock.suppliers.save', { name: 'Medi Wholesale Ltd', contact: 'Order desk', phone: '', email: '', active: true });
  const receipt = await call('stock.receipts.open', { supplierId: supplier.id, supplierReference: 'DN-20418' });
  for (const product of demoProducts) {
    const created = await call('medicines.create', { kind: 'MEDICINE', genericName: product.genericName, strengthText: product.strengthText, doseForm: product.doseForm });
    await call('medicines.addBarcode', { productId: created.id, kind: 'GTIN', code: withCheckDigit(product.code) });
    await call('medicines.setClinicSettings', { productId: created.id, salePriceMinor: 450, taxRateBp: 0, reorderLevel: product.reorderLevel });
    for (const lot of product.lots) {
      await call('stock.receipts.receiveLine', { receiptId: receipt.id, productId: created.id, lot: lot.lot, expiryDate: addDays(today, lot.days), quantity: lot.packs, costPriceMinor: 180 });
    }
  }
  await call('stock.receipts.post', { receiptId: receipt.id });
};
