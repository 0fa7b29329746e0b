import { describe, expect, it } from 'vitest';
import { pickBatches, type PickableBatch } from '#shared/modules/stock/batch-picking.ts';
import { countAdjustments } from '#shared/modules/stock/count.ts';
import { expiryStanding } from '#shared/modules/stock/expiry.ts';
import { signedQuantity } from '#shared/modules/stock/movements.ts';

const today = '2026-12-07';

function batch(batchId: string, expiryDate: string | null, onHand: number, receivedAt = '2026-01-01T00:00:00Z'): PickableBatch {
  return { batchId, lot: `L-${batchId}`, expiryDate, onHand, receivedAt };
}

const shelf = [batch('late', '2028-01-31', 10), batch('soon', '2027-02-28', 3), batch('expired', '2026-12-06', 5), batch('none', null, 50), batch('empty', '2026-12-31', 0)];

describe('first expiry, first out', () => {
  it('takes the batch that expires first, then the next', () => {
    expect(pickBatches(shelf, { quantity: 5, today })).toEqual({ ok: true, picks: [{ batchId: 'soon', quantity: 3 }, { batchId: 'late', quantity: 2 }], shortBy: 0 });
  });

  it('leaves goods without an expiry for last and says what no batch covers', () => {
    expect(pickBatches(shelf, { quantity: 70, today })).toEqual({ ok: true, picks: [{ batchId: 'soon', quantity: 3 }, { batchId: 'late', quantity: 10 }, { batchId: 'none', quantity: 50 }], shortBy: 7 });
  });

  it('takes the earlier receipt first between batches of one expiry', () => {
    const twins = [batch('b', '2027-05-31', 2, '2026-03-01T00:00:00Z'), batch('a', '2027-05-31', 2, '2026-04-01T00:00:00Z')];
    expect(pickBatches(twins, { quantity: 3, today })).toMatchObject({ picks: [{ batchId: 'b', quantity: 2 }, { batchId: 'a', quantity: 1 }] });
  });

  it('counts a batch usable through its expiry day', () => {
    expect(pickBatches([batch('today', today, 1)], { quantity: 1, today })).toMatchObject({ picks: [{ batchId: 'today', quantity: 1 }], shortBy: 0 });
  });

  it('takes the batch the pharmacist chose first', () => {
    expect(pickBatches(shelf, { quantity: 12, today, chosenBatchId: 'late' })).toMatchObject({ picks: [{ batchId: 'late', quantity: 10 }, { batchId: 'soon', quantity: 2 }] });
  });
});

describe('expired batches', () => {
  it('never takes one by itself', () => {
    const result = pickBatches([batch('expired', '2026-12-06', 5)], { quantity: 1, today });
    expect(result).toEqual({ ok: true, picks: [], shortBy: 1 });
  });

  it('refuses one chosen without an override reason', () => {
    const result = pickBatches(shelf, { quantity: 1, today, chosenBatchId: 'expired', expiredOverrideReason: '  ' });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain('expired on 2026-12-06');
  });

  it('gives one chosen with an override reason', () => {
    expect(pickBatches(shelf, { quantity: 2, today, chosenBatchId: 'expired', expiredOverrideReason: 'Returned to supplier for credit' })).toMatchObject({ ok: true, picks: [{ batchId: 'expired', quantity: 2 }] });
  });
});

describe('expiry alerts', () => {
  it('sorts a batch into expired, 30, 60 or 90 days, or good', () => {
    expect(expiryStanding('2026-12-06', today)).toEqual({ kind: 'expired', daysAgo: 1 });
    expect(expiryStanding(today, today)).toEqual({ kind: 'expiring', withinDays: 30, daysLeft: 0 });
    expect(expiryStanding('2027-01-06', today)).toEqual({ kind: 'expiring', withinDays: 30, daysLeft: 30 });
    expect(expiryStanding('2027-01-07', today)).toEqual({ kind: 'expiring', withinDays: 60, daysLeft: 31 });
    expect(expiryStanding('2027-03-07', today)).toEqual({ kind: 'expiring', withinDays: 90, daysLeft: 90 });
    expect(expiryStanding('2027-03-08', today)).toEqual({ kind: 'good' });
    expect(expiryStanding(null, today)).toEqual({ kind: 'no-expiry' });
  });
});

describe('the ledger and counts', () => {
  it('signs each kind of movement', () => {
    expect([signedQuantity('RECEIPT', 5), signedQuantity('SALE', 5), signedQuantity('WRITE_OFF', 2), signedQuantity('TRANSFER_IN', 1), signedQuantity('COUNT_ADJUSTMENT', -3)]).toEqual([5, -5, -2, 1, -3]);
  });

  it('posts only the differences of a count', () => {
    expect(countAdjustments([{ batchId: 'a', expected: 10, counted: 8 }, { batchId: 'b', expected: 4, counted: 4 }, { batchId: 'c', expected: -2, counted: 0 }])).toEqual([
      { batchId: 'a', quantity: -2 },
      { batchId: 'c', quantity: 2 },
    ]);
  });
});
