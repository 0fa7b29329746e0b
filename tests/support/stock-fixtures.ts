import type { Harness } from '#tests/support/core-harness.ts';

/** A product of the catalogue with one GTIN and the clinic's reorder level, through the calls the screens make. */
export async function productWithCode(harness: Harness, token: string, genericName: string, gtin: string, reorderLevel = 0): Promise<string> {
  const product = await harness.call('medicines.create', { kind: 'MEDICINE', genericName, strengthText: '500 mg', doseForm: 'capsule' }, token);
  await harness.call('medicines.addBarcode', { productId: product.id, kind: 'GTIN', code: gtin }, token);
  await harness.call('medicines.setClinicSettings', { productId: product.id, salePriceMinor: 450, taxRateBp: 0, reorderLevel }, token);
  return product.id;
}

/** A supplier and an open goods receipt from it. */
export async function openReceipt(harness: Harness, token: string, supplierName = 'Medi Wholesale Ltd'): Promise<{ supplierId: string; receiptId: string; reference: string }> {
  const supplier = await harness.call('stock.suppliers.save', { name: supplierName }, token);
  const receipt = await harness.call('stock.receipts.open', { supplierId: supplier.id, supplierReference: 'DN-2231' }, token);
  return { supplierId: supplier.id, receiptId: receipt.id, reference: receipt.reference };
}
