import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '#core/platform/clock.ts';
import { adminAccount, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import type { Network } from '#tests/support/in-process-transport.ts';
import { call } from '#tests/support/sync-calls.ts';
import { openWorkstation, type Workstation } from '#tests/support/sync-world.ts';

// Two counters selling offline: every sale keeps a receipt number no other counter of the chain
// gave, including one made after the counter's leased numbers ran out, and both sales survive.

describe('sales at two counters while offline', () => {
  const hubClock = manualClock(START_MS);
  const offline = new Set<string>();
  const network: Network = { reachable: (key) => !offline.has(key), fault: () => 'deliver' };
  let harness: HubHarness;
  let counterA: Workstation;
  let counterB: Workstation;
  let tokenA: string;
  let tokenB: string;
  let productId: string;

  beforeEach(async () => {
    offline.clear();
    harness = await startHub({ now: hubClock.now });
    counterA = await openWorkstation('a', () => harness.hub, { startMs: START_MS, network });
    counterB = await openWorkstation('b', () => harness.hub, { startMs: START_MS, network });
    tokenA = (await call(counterA, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount })).token ?? '';
    productId = (await call(counterA, 'medicines.create', { kind: 'MEDICINE', genericName: 'Amoxicillin', strengthText: '500 mg', doseForm: 'capsule' }, tokenA)).id;
    await call(counterA, 'medicines.setClinicSettings', { productId, salePriceMinor: 450, taxRateBp: 0, reorderLevel: 0 }, tokenA);
    const supplier = await call(counterA, 'stock.suppliers.save', { name: 'Medi Wholesale Ltd' }, tokenA);
    const receipt = await call(counterA, 'stock.receipts.open', { supplierId: supplier.id, supplierReference: '' }, tokenA);
    await call(counterA, 'stock.receipts.receiveLine', { receiptId: receipt.id, productId, lot: 'L123', expiryDate: '2027-06-30', quantity: 10, costPriceMinor: 120 }, tokenA);
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

  const sell = (counter: Workstation, token: string) => call(counter, 'sales.commit', { lines: [{ productId, quantity: 1, batchId: null, discount: null, expiredOverrideReason: null }], discount: null, payments: [{ method: 'cash', amountMinor: 500 }] }, token);

  it('gives receipt numbers unique across the counters, renames provisional ones on sync, and keeps every sale on both', async () => {
    offline.add('a');
    offline.add('b');
    const fromA = [await sell(counterA, tokenA), await sell(counterA, tokenA)];
    const fromB = [await sell(counterB, tokenB), await sell(counterB, tokenB)];
    // Counter B has used up its leased receipt numbers: its next sale still goes through.
    counterB.core.database.sqlite.prepare(`update number_blocks set next_value = range_end where series = 'S'`).run();
    const provisional = await sell(counterB, tokenB);
    expect(provisional.receiptNumber).toMatch(/^RFC01-S-PROV\d+-1$/);
    const numbers = [...fromA, ...fromB, provisional].map((sale) => sale.receiptNumber);
    expect(new Set(numbers).size).toBe(numbers.length);

    offline.clear();
    await syncAll();
    for (const [counter, token] of [[counterA, tokenA], [counterB, tokenB]] as const) {
      const stored = counter.core.database.sqlite.prepare(`select receipt_number from sales order by receipt_number`).pluck().all() as string[];
      expect(stored).toHaveLength(5);
      expect(new Set(stored).size).toBe(5);
      expect(stored.every((number) => /^RFC01-S\d+$/.test(number))).toBe(true);
      const found = await call(counter, 'sales.get', { receiptNumber: provisional.receiptNumber }, token);
      expect(found.id).toBe(provisional.id);
      expect(counter.core.database.sqlite.prepare(`select coalesce(sum(quantity), 0) from stock_movements`).pluck().get()).toBe(5);
    }
  });
});
