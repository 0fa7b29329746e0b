import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';
import { openReceipt, productWithCode } from '#tests/support/stock-fixtures.ts';

// The harness clinic's today is 2026-03-02. Products are priced 450 (tax included) by the fixture.
const AMOXICILLIN_GTIN = '09506000134352';
const PARACETAMOL_GTIN = '05012345678900';

describe('sales: the point of sale in the core', () => {
  let harness: Harness;
  let admin: string;
  let pharmacist: string;
  let amoxicillin: string;
  let paracetamol: string;
  let receiptId: string;

  const count = (table: string, where = '1 = 1', ...args: unknown[]) => harness.core.database.sqlite.prepare(`select count(*) from ${table} where ${where}`).pluck().get(...args) as number;
  const onHand = (batchId: string) => harness.core.database.sqlite.prepare(`select coalesce(sum(quantity), 0) from stock_movements where batch_id = ?`).pluck().get(batchId) as number;

  async function receive(productId: string, lot: string, expiryDate: string | null, quantity: number): Promise<string> {
    const receipt = await harness.call('stock.receipts.receiveLine', { receiptId, productId, lot, expiryDate, quantity, costPriceMinor: 200 }, admin);
    return receipt.lines.find((line) => line.lot === lot)?.batchId ?? '';
  }

  beforeAll(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    pharmacist = (await userWithRole(harness, admin, 'PHARMACIST', 'pharma')).token;
    amoxicillin = await productWithCode(harness, admin, 'Amoxicillin', AMOXICILLIN_GTIN);
    paracetamol = await productWithCode(harness, admin, 'Paracetamol', PARACETAMOL_GTIN);
    await harness.call('medicines.setClinicSettings', { productId: paracetamol, salePriceMinor: 1160, taxRateBp: 1600, reorderLevel: 0 }, admin);
    ({ receiptId } = await openReceipt(harness, admin));
  });
  afterAll(() => harness.close());

  it('scans a GS1 pack to its product, price and batch', async () => {
    const batchId = await receive(amoxicillin, 'SC1', '2027-06-30', 5);
    const scanned = await harness.call('sales.scan', { code: `]d201${AMOXICILLIN_GTIN}17270630` + '10SC1' }, pharmacist);
    expect(scanned.line).toMatchObject({ productId: amoxicillin, unitPriceMinor: 450, batchId, lot: 'SC1', onHand: 5 });
    const unknown = await harness.call('sales.scan', { code: '4006381333931' }, pharmacist);
    expect(unknown.line).toBeNull();
  });

  it('commits a sale first expiry first with its movements, payment, receipt number and audit together', async () => {
    const later = await receive(paracetamol, 'P-LATE', '2028-01-31', 10);
    const sooner = await receive(paracetamol, 'P-SOON', '2027-01-31', 2);
    const sale = await harness.call('sales.commit', { lines: [{ productId: paracetamol, quantity: 3 }], payments: [{ method: 'cash', amountMinor: 5000 }] }, pharmacist);
    expect(sale.receiptNumber).toMatch(/^RFC01-S\d+$/);
    expect(sale.lines.map((line) => [line.lot, line.quantity])).toEqual([['P-SOON', 2], ['P-LATE', 1]]);
    // 3 × 11.60 tax included at 16 %: 34.80, of which 4.80 tax, split per line (3.20 + 1.60).
    expect(sale).toMatchObject({ kind: 'SALE', grossMinor: 3480, discountMinor: 0, totalMinor: 3480, taxMinor: 480, changeMinor: 1520, payments: [{ method: 'cash', amountMinor: 5000 }] });
    expect(sale.lines.map((line) => line.taxMinor)).toEqual([320, 160]);
    expect(onHand(sooner)).toBe(0);
    expect(onHand(later)).toBe(9);
    expect(count('stock_movements', `document_id = ? and kind = 'SALE'`, sale.id)).toBe(2);
    expect(count('audit_log', `action = 'sales.commit' and entity_id = ?`, sale.id)).toBe(1);
    const found = await harness.call('sales.get', { receiptNumber: sale.receiptNumber.toLowerCase() }, pharmacist);
    expect(found.id).toBe(sale.id);
  });

  it('takes a mixed payment, and refuses one that leaves something to pay or overpays by card', async () => {
    await receive(amoxicillin, 'MX1', '2027-09-30', 10);
    const mixed = await harness.call('sales.commit', { lines: [{ productId: amoxicillin, quantity: 4 }], payments: [{ method: 'card', amountMinor: 1000 }, { method: 'mobile_money', amountMinor: 500 }, { method: 'cash', amountMinor: 500 }] }, pharmacist);
    expect(mixed).toMatchObject({ totalMinor: 1800, changeMinor: 200 });
    expect(mixed.payments.map((payment) => payment.method)).toEqual(['card', 'mobile_money', 'cash']);
    const short = await harness.fail('sales.commit', { lines: [{ productId: amoxicillin, quantity: 1 }], payments: [{ method: 'cash', amountMinor: 100 }] }, pharmacist);
    expect(short).toMatchObject({ code: 'VALIDATION' });
    expect(short.message).toMatch(/350 still to pay/);
    const overCard = await harness.fail('sales.commit', { lines: [{ productId: amoxicillin, quantity: 1 }], payments: [{ method: 'card', amountMinor: 1000 }] }, pharmacist);
    expect(overCard.message).toMatch(/only cash gives change/);
  });

  it('keeps discounts within the role limit: a pharmacist up to 10 %, an administrator more', async () => {
    await receive(amoxicillin, 'DS1', '2027-10-31', 10);
    const withinLimit = await harness.call('sales.commit', { lines: [{ productId: amoxicillin, quantity: 2 }], discount: { kind: 'percent', basisPoints: 1000 }, payments: [{ method: 'cash', amountMinor: 810 }] }, pharmacist);
    expect(withinLimit).toMatchObject({ grossMinor: 900, discountMinor: 90, totalMinor: 810, changeMinor: 0 });
    const overLimit = { lines: [{ productId: amoxicillin, quantity: 2, discount: { kind: 'amount', minor: 50 } }], discount: { kind: 'percent', basisPoints: 500 }, payments: [{ method: 'cash', amountMinor: 900 }] };
    const refused = await harness.fail('sales.commit', overLimit, pharmacist);
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/limit of 10%/);
    const byAdmin = await harness.call('sales.commit', overLimit as never, admin);
    expect(byAdmin.discountMinor).toBe(50 + 43);
  });

  it('refuses an expired batch without an override reason and sells it with one', async () => {
    const expired = await receive(amoxicillin, 'OLD1', '2026-01-31', 3);
    const input = { lines: [{ productId: amoxicillin, quantity: 1, batchId: expired }], payments: [{ method: 'cash', amountMinor: 450 }] };
    const refused = await harness.fail('sales.commit', input, pharmacist);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/expired/);
    const sold = await harness.call('sales.commit', { ...input, lines: [{ ...input.lines[0], expiredOverrideReason: 'Patient insists, advised' }] } as never, pharmacist);
    expect(sold.lines[0]?.batchId).toBe(expired);
    expect(sold.reason).toMatch(/override: Patient insists/);
    expect(onHand(expired)).toBe(2);
  });

  it('leaves nothing behind when the write fails midway: no sale, line, movement, payment or receipt number', async () => {
    await receive(amoxicillin, 'CR1', '2027-11-30', 5);
    const sqlite = harness.core.database.sqlite;
    const tables = ['sales', 'sale_lines', 'sale_payments', 'stock_movements'];
    const before = tables.map((table) => count(table));
    const numbersBefore = sqlite.prepare(`select coalesce(sum(next_value), 0) from number_blocks`).pluck().get() as number;
    // The payment row is the last write of a sale: failing it proves the lines and movements before it go too.
    sqlite.exec(`create temp trigger fail_payment before insert on sale_payments begin select raise(abort, 'disk full'); end`);
    try {
      const failed = await harness.fail('sales.commit', { lines: [{ productId: amoxicillin, quantity: 2 }], payments: [{ method: 'cash', amountMinor: 900 }] }, pharmacist);
      expect(failed.code).toBe('INTERNAL');
    } finally {
      sqlite.exec('drop trigger fail_payment');
    }
    expect(tables.map((table) => count(table))).toEqual(before);
    expect(sqlite.prepare(`select coalesce(sum(next_value), 0) from number_blocks`).pluck().get()).toBe(numbersBefore);
  });

  it('takes a return against an earlier sale, putting the packs back into their batch', async () => {
    const batchId = await receive(amoxicillin, 'RT1', '2026-12-31', 4);
    const sale = await harness.call('sales.commit', { lines: [{ productId: amoxicillin, quantity: 3, batchId }], payments: [{ method: 'cash', amountMinor: 1350 }] }, pharmacist);
    expect(onHand(batchId)).toBe(1);
    const line = sale.lines[0];
    if (line === undefined) throw new Error('no line');
    const returned = await harness.call('sales.return', { saleId: sale.id, lines: [{ saleLineId: line.id, quantity: 2 }], refundMethod: 'cash', reason: 'Wrong strength bought' }, pharmacist);
    expect(returned).toMatchObject({ kind: 'RETURN', returnOfSaleId: sale.id, totalMinor: 900, payments: [{ method: 'cash', amountMinor: 900 }] });
    expect(returned.receiptNumber).not.toBe(sale.receiptNumber);
    expect(onHand(batchId)).toBe(3);
    expect(count('stock_movements', `document_id = ? and kind = 'CUSTOMER_RETURN' and batch_id = ?`, returned.id, batchId)).toBe(1);
    const again = await harness.fail('sales.return', { saleId: sale.id, lines: [{ saleLineId: line.id, quantity: 2 }], refundMethod: 'cash', reason: 'Again' }, pharmacist);
    expect(again.message).toMatch(/Only 1 of/);
    expect((await harness.call('sales.get', { receiptNumber: sale.receiptNumber }, pharmacist)).lines[0]?.returnedQuantity).toBe(2);
  });

  it('prints a receipt on the 80 mm roll and on A4, with the clinic, lines, taxes, payments, change and the number as a barcode', async () => {
    await receive(paracetamol, 'PR1', '2027-12-31', 5);
    const sale = await harness.call('sales.commit', { lines: [{ productId: paracetamol, quantity: 2, discount: { kind: 'percent', basisPoints: 500 } }], payments: [{ method: 'card', amountMinor: 1000 }, { method: 'cash', amountMinor: 2000 }] }, pharmacist);
    for (const paper of ['ROLL_80MM', 'A4'] as const) {
      const printed = await harness.call('sales.receipt', { receiptNumber: sale.receiptNumber, paper }, pharmacist);
      expect(printed).toMatchObject({ receiptNumber: sale.receiptNumber, fileName: `receipt-${sale.receiptNumber}.pdf` });
      const raw = Buffer.from(printed.pdfBase64, 'base64').toString('latin1');
      expect(raw.startsWith('%PDF-')).toBe(true);
      expect(raw).toContain(paper === 'A4' ? '595.28' : '226.77');
      const text = [...raw.matchAll(/<([0-9a-f]+)>/g)].map((match) => Buffer.from(match[1] ?? '', 'hex').toString('latin1')).join('').replace(/\s+/g, ' ');
      // 2 × 11.60 less 5 %: 22.04, of which 3.04 tax at 16 %; 10.00 by card, 20.00 cash, 7.96 change.
      for (const shown of [`Receipt ${sale.receiptNumber}`, 'Paracetamol', 'Lot PR1', 'tax 16 % incl. 3.04', 'Subtotal', '23.20', '22.04', 'Card', '10.00', 'Change', '7.96', 'Cashier:']) expect(text).toContain(shown);
    }
    const returned = await harness.call('sales.return', { saleId: sale.id, lines: [{ saleLineId: sale.lines[0]?.id ?? '', quantity: 1 }], refundMethod: 'card', reason: 'Not needed' }, pharmacist);
    const refund = await harness.call('sales.receipt', { receiptNumber: returned.receiptNumber, paper: 'ROLL_80MM' }, pharmacist);
    const refundText = [...Buffer.from(refund.pdfBase64, 'base64').toString('latin1').matchAll(/<([0-9a-f]+)>/g)].map((match) => Buffer.from(match[1] ?? '', 'hex').toString('latin1')).join('');
    expect(refundText).toContain(`Return of receipt ${sale.receiptNumber}`);
    expect((await harness.fail('sales.receipt', { receiptNumber: 'RFC01-S999999', paper: 'A4' }, pharmacist)).code).toBe('NOT_FOUND');
    const clerk = (await userWithRole(harness, admin, 'STAFF', 'clerk')).token;
    expect((await harness.fail('sales.receipt', { receiptNumber: sale.receiptNumber, paper: 'A4' }, clerk)).code).toBe('FORBIDDEN');
  });
});
