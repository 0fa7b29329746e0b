import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';

// Survivors of mutation testing (tests/mutation) in the clinic's prices (pricing.ts): a product
// the clinic never priced scans with no price and no tax, and is refused at the till.
describe('a product this clinic never priced', () => {
  const GTIN = '4006381333931';
  let harness: Harness;
  let admin: string;
  let productId: string;

  beforeAll(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    const product = await harness.call('medicines.create', { kind: 'MEDICINE', genericName: 'Cetirizine', strengthText: '10 mg', doseForm: 'tablet' }, admin);
    await harness.call('medicines.addBarcode', { productId: product.id, kind: 'GTIN', code: GTIN }, admin);
    productId = product.id;
  });
  afterAll(() => harness.close());

  it('scans with no price and no tax', async () => {
    const scanned = await harness.call('sales.scan', { code: GTIN }, admin);
    expect(scanned.line).toMatchObject({ productId, unitPriceMinor: null, taxRateBasisPoints: 0 });
  });

  it('is refused at the till, saying it has no price here', async () => {
    const refusal = await harness.fail('sales.commit', { lines: [{ productId, quantity: 1 }], payments: [{ method: 'cash', amountMinor: 100 }] }, admin);
    expect(refusal).toMatchObject({ code: 'VALIDATION', field: 'lines.0', message: 'Cetirizine 10 mg tablet has no sale price at this clinic yet.' });
  });
});
