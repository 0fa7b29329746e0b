import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovementKind } from '#shared/modules/stock/movements.ts';
import { setUpClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';
import { openReceipt, productWithCode } from '#tests/support/stock-fixtures.ts';

// The harness clinic's today is 2026-03-02.
const AMOXICILLIN_GTIN = '09506000134352';

describe('stock: goods in, the ledger, picking and alerts', () => {
  let harness: Harness;
  let token: string;
  let productId: string;
  let receiptId: string;
  let otherClinicId: string;

  beforeAll(async () => {
    harness = await startHarness();
    token = await setUpClinic(harness);
    productId = await productWithCode(harness, token, 'Amoxicillin', AMOXICILLIN_GTIN, 30);
    ({ receiptId } = await openReceipt(harness, token));
    // A second clinic of the chain, as the hub would have brought it, for transfers.
    otherClinicId = randomUUID();
    const sqlite = harness.core.database.sqlite;
    const columns = (sqlite.prepare(`select name from pragma_table_info('clinics')`).pluck().all() as string[]).filter((name) => !['id', 'code', 'name'].includes(name));
    sqlite.prepare(`insert into clinics (id, code, name, ${columns.join(', ')}) select ?, 'HIL02', 'Hillside Clinic', ${columns.join(', ')} from clinics limit 1`).run(otherClinicId);
  });
  afterAll(() => harness.close());

  async function batchHistory(batchId: string) {
    return harness.call('stock.batches.history', { batchId }, token);
  }

  it('receives a delivery line by line from GS1 scans, as a document with its own reference', async () => {
    const scan = await harness.call('stock.scan', { code: `]d201${AMOXICILLIN_GTIN}17260531` + '10L123\u001d21SER1' }, token);
    expect(scan.product?.id).toBe(productId);
    expect(scan.reading).toMatchObject({ kind: 'gs1', lot: 'L123', expiry: '2026-05-31' });
    expect(scan.warnings).toEqual(['Lot L123 has not been received at this clinic.']);
    if (scan.reading.kind !== 'gs1') throw new Error('not GS1');
    const receipt = await harness.call('stock.receipts.receiveLine', { receiptId, productId, lot: scan.reading.lot ?? '', expiryDate: scan.reading.expiry, quantity: 20, costPriceMinor: 180 }, token);
    expect(receipt.reference).toMatch(/^RFC01-G\d+$/);
    expect(receipt.lines).toMatchObject([{ lot: 'L123', expiryDate: '2026-05-31', quantity: 20, costPriceMinor: 180 }]);
    const again = await harness.call('stock.scan', { code: `01${AMOXICILLIN_GTIN}1726053110L123` }, token);
    expect(again.batch).toMatchObject({ lot: 'L123', onHand: 20 });
    expect(again.warnings).toEqual([]);
  });

  it('refuses a scan with a wrong check digit and names an unknown code', async () => {
    const wrong = await harness.call('stock.scan', { code: '09506000134353' }, token);
    expect(wrong.reading).toMatchObject({ kind: 'refused' });
    const unknown = await harness.call('stock.scan', { code: '4006381333931' }, token);
    expect(unknown).toMatchObject({ reading: { kind: 'gtin' }, product: null });
  });

  it('keeps the ledger summing to the quantity on hand after every kind of movement', async () => {
    const receipt = await harness.call('stock.receipts.receiveLine', { receiptId, productId, lot: 'L200', expiryDate: '2027-01-31', quantity: 50, costPriceMinor: 175 }, token);
    const batchId = receipt.lines.find((line) => line.lot === 'L200')?.batchId ?? '';
    let expected = 50;
    const steps: { kind: Exclude<MovementKind, 'RECEIPT' | 'COUNT_ADJUSTMENT'>; quantity: number; change: number; otherClinic?: boolean; reason?: string }[] = [
      { kind: 'SALE', quantity: 3, change: -3 },
      { kind: 'DISPENSE', quantity: 2, change: -2 },
      { kind: 'CUSTOMER_RETURN', quantity: 1, change: 1 },
      { kind: 'SUPPLIER_RETURN', quantity: 4, change: -4, reason: 'Damaged in delivery' },
      { kind: 'TRANSFER_OUT', quantity: 5, change: -5, otherClinic: true },
      { kind: 'TRANSFER_IN', quantity: 2, change: 2, otherClinic: true },
      { kind: 'WRITE_OFF', quantity: 1, change: -1, reason: 'Pack crushed' },
    ];
    for (const step of steps) {
      const moved = await harness.call('stock.move', { batchId, kind: step.kind, quantity: step.quantity, reason: step.reason ?? '', otherClinicId: step.otherClinic === true ? (otherClinicId as never) : null, expiredOverrideReason: null }, token);
      expected += step.change;
      const history = await batchHistory(batchId);
      expect(moved.onHand, step.kind).toBe(expected);
      expect(history.batch.onHand, step.kind).toBe(expected);
      expect(history.movements.reduce((sum, movement) => sum + movement.quantity, 0), step.kind).toBe(expected);
    }
    const sheet = await harness.call('stock.count.sheet', {}, token);
    expect(sheet.lines.find((line) => line.batchId === batchId)?.onHand).toBe(expected);
    const counted = await harness.call('stock.count.post', { reason: 'Monthly count', lines: [{ batchId, expected, counted: expected - 2 }] }, token);
    expect(counted.adjusted).toBe(1);
    const history = await batchHistory(batchId);
    expect(history.batch.onHand).toBe(expected - 2);
    expect(history.movements.map((movement) => movement.kind)).toEqual(['RECEIPT', 'SALE', 'DISPENSE', 'CUSTOMER_RETURN', 'SUPPLIER_RETURN', 'TRANSFER_OUT', 'TRANSFER_IN', 'WRITE_OFF', 'COUNT_ADJUSTMENT']);
    expect(history.movements.at(-1)).toMatchObject({ quantity: -2, reason: 'Monthly count', userName: 'Ada Admin' });
  });

  it('asks for a reason for a write-off and another clinic for a transfer', async () => {
    const batchId = (await harness.call('stock.batches.list', { query: 'L123' }, token)).batches[0]?.batchId ?? '';
    expect((await harness.fail('stock.move', { batchId, kind: 'WRITE_OFF', quantity: 1 }, token)).code).toBe('VALIDATION');
    expect((await harness.fail('stock.move', { batchId, kind: 'TRANSFER_OUT', quantity: 1 }, token)).code).toBe('VALIDATION');
    expect((await harness.fail('stock.move', { batchId, kind: 'TRANSFER_OUT', quantity: 1, otherClinicId: randomUUID() }, token)).code).toBe('VALIDATION');
  });

  it('picks first expiry first, or the batch chosen', async () => {
    const fefo = await harness.call('stock.pick', { productId, quantity: 22, chosenBatchId: null, expiredOverrideReason: null }, token);
    expect(fefo.picks.map((pick) => [pick.lot, pick.quantity])).toEqual([
      ['L123', 20],
      ['L200', 2],
    ]);
    const chosenId = fefo.picks[1]?.batchId ?? '';
    const chosen = await harness.call('stock.pick', { productId, quantity: 2, chosenBatchId: chosenId, expiredOverrideReason: null }, token);
    expect(chosen.picks.map((pick) => pick.lot)).toEqual(['L200']);
  });

  it('never gives out an expired batch without an override and its reason', async () => {
    const receipt = await harness.call('stock.receipts.receiveLine', { receiptId, productId, lot: 'OLD1', expiryDate: '2026-02-28', quantity: 4, costPriceMinor: 150 }, token);
    const expiredId = receipt.lines.find((line) => line.lot === 'OLD1')?.batchId ?? '';
    const refused = await harness.fail('stock.move', { batchId: expiredId, kind: 'SALE', quantity: 1 }, token);
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused.message).toContain('expired on 2026-02-28');
    expect((await harness.fail('stock.pick', { productId, quantity: 1, chosenBatchId: expiredId }, token)).code).toBe('CONFLICT');
    const fefo = await harness.call('stock.pick', { productId, quantity: 1, chosenBatchId: null, expiredOverrideReason: null }, token);
    expect(fefo.picks.map((pick) => pick.lot)).toEqual(['L123']);
    const overridden = await harness.call('stock.move', { batchId: expiredId, kind: 'SALE', quantity: 1, reason: '', otherClinicId: null, expiredOverrideReason: 'Doctor confirmed, no other stock' }, token);
    expect(overridden.onHand).toBe(3);
    expect((await batchHistory(expiredId)).movements.at(-1)?.reason).toContain('Doctor confirmed, no other stock');
    // Writing off expired stock is what is meant to happen to it: no override needed.
    const writtenOff = await harness.call('stock.move', { batchId: expiredId, kind: 'WRITE_OFF', quantity: 3, reason: 'Expired', otherClinicId: null, expiredOverrideReason: null }, token);
    expect(writtenOff.onHand).toBe(0);
  });

  it('raises reorder and expiry alerts', async () => {
    const receipt = await harness.call('stock.receipts.receiveLine', { receiptId, productId, lot: 'OLD2', expiryDate: '2026-01-31', quantity: 1, costPriceMinor: 150 }, token);
    expect(receipt.lines.some((line) => line.lot === 'OLD2')).toBe(true);
    const alerts = await harness.call('stock.alerts', {}, token);
    expect(alerts.today).toBe('2026-03-02');
    expect(alerts.reorder).toEqual([]);
    expect(alerts.expiring.map((batch) => [batch.lot, batch.daysLeft])).toEqual([['L123', 90]]);
    expect(alerts.expired.map((batch) => [batch.lot, batch.onHand])).toEqual([['OLD2', 1]]);
    await harness.call('medicines.setClinicSettings', { productId, salePriceMinor: 450, taxRateBp: 0, reorderLevel: 100 }, token);
    const low = await harness.call('stock.alerts', {}, token);
    expect(low.reorder).toMatchObject([{ productId, reorderLevel: 100, onHand: 20 + 36 + 1 }]);
  });

  it('posts the goods receipt once, and takes no more lines after', async () => {
    const posted = await harness.call('stock.receipts.post', { receiptId }, token);
    expect(posted.status).toBe('POSTED');
    expect((await harness.fail('stock.receipts.receiveLine', { receiptId, productId, lot: 'LATE', expiryDate: null, quantity: 1, costPriceMinor: 1 }, token)).code).toBe('CONFLICT');
    const listed = await harness.call('stock.receipts.list', {}, token);
    expect(listed.receipts.map((receipt) => receipt.id)).toEqual([receiptId]);
  });
});
