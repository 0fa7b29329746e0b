import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '#core/platform/clock.ts';
import { adminAccount, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import type { Network } from '#tests/support/in-process-transport.ts';
import { call } from '#tests/support/sync-calls.ts';
import { openWorkstation, type Workstation } from '#tests/support/sync-world.ts';

describe('two counters selling the last packs of a batch while offline', () => {
  const hubClock = manualClock(START_MS);
  const offline = new Set<string>();
  const network: Network = { reachable: (key) => !offline.has(key), fault: () => 'deliver' };
  let harness: HubHarness;
  let counterA: Workstation;
  let counterB: Workstation;
  let tokenA: string;
  let tokenB: string;
  let batchId: string;

  beforeEach(async () => {
    offline.clear();
    harness = await startHub({ now: hubClock.now });
    counterA = await openWorkstation('a', () => harness.hub, { startMs: START_MS, network });
    counterB = await openWorkstation('b', () => harness.hub, { startMs: START_MS, network });
    tokenA = (await call(counterA, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount })).token ?? '';
    const product = await call(counterA, 'medicines.create', { kind: 'MEDICINE', genericName: 'Amoxicillin', strengthText: '500 mg', doseForm: 'capsule' }, tokenA);
    const supplier = await call(counterA, 'stock.suppliers.save', { name: 'Medi Wholesale Ltd' }, tokenA);
    const receipt = await call(counterA, 'stock.receipts.open', { supplierId: supplier.id, supplierReference: '' }, tokenA);
    const received = await call(counterA, 'stock.receipts.receiveLine', { receiptId: receipt.id, productId: product.id, lot: 'L123', expiryDate: '2027-06-30', quantity: 3, costPriceMinor: 120 }, tokenA);
    batchId = received.lines[0]?.batchId ?? '';
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'RFC01', clinicId: null });
    await call(counterA, 'sync.connect', { hubUrl: 'http://hub.test', code }, tokenA);
    await counterA.core.sync.syncNow();
    const join = await call(counterA, 'sync.createJoinCode', {}, tokenA);
    await call(counterB, 'sync.join', { hubUrl: 'http://hub.test', code: join.code });
    await counterB.core.sync.syncNow();
    tokenB = (await call(counterB, 'auth.signIn', { username: 'ada', password: adminAccount.password })).token ?? '';
  });

  afterEach(async () => {
    await counterA.close();
    await counterB.close();
    await harness.close();
  });

  async function syncAll(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      await counterA.core.sync.syncNow();
      await counterB.core.sync.syncNow();
    }
  }

  it('keeps both sales, shows the oversold batch as one conflict on both, and settles it once', async () => {
    expect((await call(counterB, 'stock.batches.history', { batchId }, tokenB)).batch.onHand).toBe(3);
    offline.add('a');
    offline.add('b');
    const saleA = await call(counterA, 'stock.move', { batchId, kind: 'SALE', quantity: 3, reason: '', otherClinicId: null, expiredOverrideReason: null }, tokenA);
    const saleB = await call(counterB, 'stock.move', { batchId, kind: 'SALE', quantity: 2, reason: '', otherClinicId: null, expiredOverrideReason: null }, tokenB);
    expect([saleA.onHand, saleB.onHand]).toEqual([0, 1]);
    offline.clear();
    await syncAll();

    for (const [counter, token] of [[counterA, tokenA], [counterB, tokenB]] as const) {
      const history = await call(counter, 'stock.batches.history', { batchId }, token);
      expect(history.batch.onHand).toBe(-2);
      expect(history.movements.map((movement) => movement.id).sort()).toEqual(expect.arrayContaining([saleA.movementId, saleB.movementId].sort()));
    }
    const onA = (await call(counterA, 'sync.conflicts', {}, tokenA)).conflicts;
    const onB = (await call(counterB, 'sync.conflicts', {}, tokenB)).conflicts;
    expect(onA.map((conflict) => conflict.kind)).toEqual(['STOCK_OVERSOLD']);
    expect(onB.map((conflict) => conflict.id)).toEqual(onA.map((conflict) => conflict.id));
    const batchRow = onA[0]?.rows.find((row) => row.id === batchId);
    expect(batchRow).toMatchObject({ label: 'Batch L123 of Amoxicillin 500 mg' });
    expect(batchRow?.detail).toMatch(/^oversold by 2 · at desk-(a and desk-b|b and desk-a)$/);

    await call(counterB, 'sync.resolveConflict', { conflictId: onA[0]?.id ?? '', action: { kind: 'settleOversoldBatch', rowId: batchId } }, tokenB);
    await syncAll();
    expect((await call(counterA, 'sync.conflicts', {}, tokenA)).conflicts).toEqual([]);
    expect((await call(counterB, 'sync.conflicts', {}, tokenB)).conflicts).toEqual([]);
    const settled = await call(counterA, 'stock.batches.history', { batchId }, tokenA);
    expect(settled.batch.onHand).toBe(0);
    expect(settled.movements.map((movement) => movement.kind).sort()).toEqual(['COUNT_ADJUSTMENT', 'RECEIPT', 'SALE', 'SALE']);
  });
});
