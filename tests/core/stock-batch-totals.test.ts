import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';
import { openReceipt, productWithCode } from '#tests/support/stock-fixtures.ts';

type Mismatch = { batch_id: string; kept: number | null; summed: number };

// The batch totals are kept by triggers; whatever writes the ledger (a call, the sync's apply of a
// row or of its tombstone), they must equal the ledger's own sums.
describe('stock batch totals kept by the ledger’s triggers', () => {
  let harness: Harness;
  let token: string;
  let productId: string;
  let receiptId: string;

  beforeAll(async () => {
    harness = await startHarness();
    token = await setUpClinic(harness);
    productId = await productWithCode(harness, token, 'Amoxicillin', '09506000134352', 30);
    ({ receiptId } = await openReceipt(harness, token));
  });
  afterAll(() => harness.close());

  function mismatches(): Mismatch[] {
    return harness.core.database.sqlite
      .prepare(
        `select m.batch_id, t.on_hand as kept, sum(case when m.deleted_at is null then m.quantity else 0 end) as summed
         from stock_movements m left join stock_batch_totals t on t.batch_id = m.batch_id
         group by m.batch_id having kept is null or kept <> summed`,
      )
      .all() as Mismatch[];
  }

  function keptOnHand(batchId: string): number | undefined {
    return harness.core.database.sqlite.prepare(`select on_hand from stock_batch_totals where batch_id = ?`).pluck().get(batchId) as number | undefined;
  }

  async function receive(lot: string, quantity: number): Promise<string> {
    const receipt = await harness.call('stock.receipts.receiveLine', { receiptId, productId, lot, expiryDate: '2027-06-30', quantity, costPriceMinor: 150 }, token);
    return receipt.lines.find((line) => line.lot === lot)?.batchId ?? '';
  }

  it('follows movements written through the calls', async () => {
    const batchId = await receive('T100', 40);
    await harness.call('stock.move', { batchId, kind: 'SALE', quantity: 7, reason: '', otherClinicId: null, expiredOverrideReason: null }, token);
    await harness.call('stock.move', { batchId, kind: 'WRITE_OFF', quantity: 3, reason: 'Broken', otherClinicId: null, expiredOverrideReason: null }, token);
    expect(keptOnHand(batchId)).toBe(30);
    expect(mismatches()).toEqual([]);
  });

  it('drops a tombstoned movement, takes back a restored one, and moves a re-pointed one', async () => {
    const first = await receive('T200', 20);
    const second = await receive('T300', 5);
    const sqlite = harness.core.database.sqlite;
    const sale = await harness.call('stock.move', { batchId: first, kind: 'SALE', quantity: 4, reason: '', otherClinicId: null, expiredOverrideReason: null }, token);
    const saleId = sqlite.prepare(`select id from stock_movements where batch_id = ? and kind = 'SALE'`).pluck().get(first) as string;
    expect(sale.onHand).toBe(16);
    sqlite.prepare(`update stock_movements set deleted_at = '2026-03-02T10:00:00.000Z' where id = ?`).run(saleId);
    expect(keptOnHand(first)).toBe(20);
    sqlite.prepare(`update stock_movements set deleted_at = null where id = ?`).run(saleId);
    expect(keptOnHand(first)).toBe(16);
    sqlite.prepare(`update stock_movements set batch_id = ? where id = ?`).run(second, saleId);
    expect([keptOnHand(first), keptOnHand(second)]).toEqual([20, 1]);
    sqlite.prepare(`update stock_movements set quantity = -2 where id = ?`).run(saleId);
    expect(keptOnHand(second)).toBe(3);
    expect(mismatches()).toEqual([]);
  });
});
