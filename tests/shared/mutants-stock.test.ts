import { describe, expect, it } from 'vitest';
import { fefoOrder, pickBatches, type PickableBatch } from '#shared/modules/stock/batch-picking.ts';
import { addDays, daysBetween, expiryStanding, isExpired } from '#shared/modules/stock/expiry.ts';

// The edges of the stock rules that the mutation run showed no other test reaching.

const today = '2026-12-07';

function batch(batchId: string, expiryDate: string | null, onHand: number, receivedAt = '2026-01-01T00:00:00Z'): PickableBatch {
  return { batchId, lot: `L-${batchId}`, expiryDate, onHand, receivedAt };
}

describe('the order first expiry, first out takes batches in', () => {
  it('puts the earlier expiry first whichever side it is on', () => {
    const early = batch('early', '2027-01-31', 1);
    const late = batch('late', '2027-06-30', 1);
    expect(fefoOrder(early, late)).toBe(-1);
    expect(fefoOrder(late, early)).toBe(1);
  });

  it('puts goods without an expiry after any that expire, whichever side they are on', () => {
    const dated = batch('dated', '2030-01-31', 1);
    const undated = batch('undated', null, 1);
    expect(fefoOrder(undated, dated)).toBe(1);
    expect(fefoOrder(dated, undated)).toBe(-1);
  });

  it('orders two of the same expiry, or both without one, by receipt and then by id', () => {
    for (const expiry of ['2027-05-31', null]) {
      const first = batch('z', expiry, 1, '2026-03-01T00:00:00Z');
      const second = batch('a', expiry, 1, '2026-04-01T00:00:00Z');
      expect(fefoOrder(first, second)).toBe(-1);
      expect(fefoOrder(second, first)).toBe(1);
      const sameTimeA = batch('a', expiry, 1, '2026-03-01T00:00:00Z');
      const sameTimeB = batch('b', expiry, 1, '2026-03-01T00:00:00Z');
      expect(fefoOrder(sameTimeA, sameTimeB)).toBe(-1);
      expect(fefoOrder(sameTimeB, sameTimeA)).toBe(1);
    }
  });

  it('sorts the undated batches among themselves by receipt when picking', () => {
    const undated = [batch('newer', null, 1, '2026-05-01T00:00:00Z'), batch('older', null, 1, '2026-02-01T00:00:00Z')];
    expect(pickBatches(undated, { quantity: 1, today })).toEqual({ ok: true, picks: [{ batchId: 'older', quantity: 1 }], shortBy: 0 });
  });
});

describe('what a pick refuses', () => {
  it('refuses no packs, fewer than none and part of a pack, saying why', () => {
    for (const quantity of [0, -1, 1.5]) {
      expect(pickBatches([batch('a', null, 5)], { quantity, today })).toEqual({ ok: false, message: 'The quantity must be a whole number of packs above zero.' });
    }
  });

  it('takes one pack', () => {
    expect(pickBatches([batch('a', null, 5)], { quantity: 1, today })).toEqual({ ok: true, picks: [{ batchId: 'a', quantity: 1 }], shortBy: 0 });
  });

  it('refuses a chosen batch the clinic does not hold, saying so', () => {
    expect(pickBatches([batch('a', null, 5)], { quantity: 1, today, chosenBatchId: 'elsewhere' })).toEqual({ ok: false, message: 'That batch is not in stock at this clinic.' });
  });

  it('refuses an expired chosen batch with no reason given at all, naming its lot and expiry', () => {
    expect(pickBatches([batch('old', '2026-11-30', 5)], { quantity: 1, today, chosenBatchId: 'old' })).toEqual({
      ok: false,
      message: 'Batch L-old expired on 2026-11-30. It is only given out with an override and a reason.',
    });
  });

  it('gives a chosen batch that has not expired with no reason', () => {
    expect(pickBatches([batch('fresh', '2027-11-30', 5)], { quantity: 2, today, chosenBatchId: 'fresh' })).toEqual({ ok: true, picks: [{ batchId: 'fresh', quantity: 2 }], shortBy: 0 });
  });
});

describe('a chosen batch', () => {
  it('is not taken a second time for the rest', () => {
    const shelf = [batch('soon', '2027-02-28', 3), batch('late', '2028-01-31', 10)];
    expect(pickBatches(shelf, { quantity: 5, today, chosenBatchId: 'soon' })).toEqual({ ok: true, picks: [{ batchId: 'soon', quantity: 3 }, { batchId: 'late', quantity: 2 }], shortBy: 0 });
  });

  it('gives the packs in hand when the ledger shows it empty or below zero', () => {
    for (const onHand of [0, -3]) {
      const shelf = [batch('inHand', '2027-02-28', onHand), batch('other', '2028-01-31', 10)];
      expect(pickBatches(shelf, { quantity: 4, today, chosenBatchId: 'inHand' })).toEqual({ ok: true, picks: [{ batchId: 'inHand', quantity: 4 }], shortBy: 0 });
    }
  });
});

describe('expiry edges', () => {
  it('counts whole days either way', () => {
    expect(daysBetween('2026-12-07', '2027-01-06')).toBe(30);
    expect(daysBetween('2027-01-06', '2026-12-07')).toBe(-30);
  });

  it('calls a pack expired only the day after its expiry day, and never one without an expiry', () => {
    expect(isExpired('2026-12-06', today)).toBe(true);
    expect(isExpired(today, today)).toBe(false);
    expect(isExpired(null, today)).toBe(false);
  });

  it('says how many days ago a pack expired', () => {
    expect(expiryStanding('2026-11-27', today)).toEqual({ kind: 'expired', daysAgo: 10 });
  });

  it('gives the date some days later, across a month and a year', () => {
    expect(addDays(today, 30)).toBe('2027-01-06');
    expect(addDays(today, 0)).toBe(today);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
