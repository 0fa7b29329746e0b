import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import { manualClock } from '#core/platform/clock.ts';
import { adminAccount, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import { hubRows, openWorkstation, workstationRows, type Workstation } from '#tests/support/sync-world.ts';

async function call<N extends CallName>(ws: Workstation, name: N, input: CallInput<N>, token: string | null = null): Promise<CallResult<N>> {
  const outcome = await ws.core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${ws.key} ${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as CallResult<N>;
}

const catalogueTables = ['medicine_products', 'medicine_barcodes', 'medicine_clinic_settings'];

describe('the chain’s catalogue through a hub', () => {
  const hubClock = manualClock(START_MS);
  let harness: HubHarness;
  let first: Workstation;
  let second: Workstation;
  let clinicId: string;
  let admin: string;

  beforeEach(async () => {
    harness = await startHub({ now: hubClock.now });
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS });
    second = await openWorkstation('two', () => harness.hub, { startMs: START_MS });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    admin = setup.token ?? '';
    clinicId = setup.activeClinic?.clinicId ?? '';
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: sampleClinic.code, clinicId: null });
    await call(first, 'sync.connect', { hubUrl: 'http://hub.test', code }, admin);
  });

  afterEach(async () => {
    await first.close();
    await second.close();
    await harness.close();
  });

  async function addProduct(genericName: string, gtin: string): Promise<string> {
    const product = await call(first, 'medicines.create', { kind: 'MEDICINE', genericName, brandName: `${genericName} Brand`, strengthText: '10 mg' }, admin);
    await call(first, 'medicines.addBarcode', { productId: product.id, kind: 'GTIN', code: gtin }, admin);
    await call(first, 'medicines.setClinicSettings', { productId: product.id, salePriceMinor: 499, taxRateBp: 0, reorderLevel: 12 }, admin);
    return product.id;
  }

  it('reaches another workstation by its first sync and by later pulls, searchable and findable by code there', async () => {
    const first1 = await addProduct('Amlodipine', '5012345678900');
    await first.core.sync.syncNow();
    const { code } = await call(first, 'sync.createJoinCode', {}, admin);
    await call(second, 'sync.join', { hubUrl: 'http://hub.test', code });
    await second.core.sync.syncNow();
    const secondAdmin = (await call(second, 'auth.signIn', { username: adminAccount.username, password: adminAccount.password })).token ?? '';
    await call(second, 'auth.selectClinic', { clinicId }, secondAdmin);
    // The name index was rebuilt after the first sync set its triggers aside.
    expect((await call(second, 'medicines.search', { query: 'lodip' }, secondAdmin)).products.map((product) => product.id)).toEqual([first1]);
    expect((await call(second, 'medicines.findByBarcode', { code: '05012345678900' }, secondAdmin)).product).toMatchObject({ id: first1, clinicSettings: { salePriceMinor: 499, taxRateBp: 0, reorderLevel: 12 } });

    const later = await addProduct('Bisoprolol', '4006381333931');
    await first.core.sync.syncNow();
    await second.core.sync.syncNow();
    expect((await call(second, 'medicines.search', { query: 'sopro' }, secondAdmin)).products.map((product) => product.id)).toEqual([later]);
    // An edit on the second comes back to the first.
    await call(second, 'medicines.update', { productId: later, product: { kind: 'MEDICINE', genericName: 'Bisoprolol fumarate', strengthText: '5 mg' } }, secondAdmin);
    await second.core.sync.syncNow();
    await first.core.sync.syncNow();
    expect((await call(first, 'medicines.get', { productId: later }, admin))).toMatchObject({ genericName: 'Bisoprolol fumarate', strengthText: '5 mg' });
    for (const table of catalogueTables) {
      const atHub = await hubRows(harness.hub, table, clinicId);
      expect(atHub.size, `${table} at the hub`).toBeGreaterThan(0);
      expect(workstationRows(first.core.database.sqlite, table, null), `${table} on the first`).toEqual(atHub);
      expect(workstationRows(second.core.database.sqlite, table, null), `${table} on the second`).toEqual(atHub);
    }
  });

  it('goes to every clinic of the organization and to no clinic of another', async () => {
    await first.core.sync.syncNow();
    const organizationId = first.core.database.sqlite.prepare(`select organization_id from clinics`).pluck().get() as string;
    const sister = await harness.hub.enrol({
      code: (await harness.hub.createEnrolmentCode({ clinicCode: 'HVC01', clinicId: null, organizationOf: sampleClinic.code })).code,
      deviceId: '0194379c-6c00-7000-8000-00000000d0b1',
      deviceName: 'sister clinic desk',
      databaseId: 'db-sister',
      clinic: { id: '0194379c-6c00-7000-8000-0000000000b1', code: 'HVC01', organizationId },
    });
    const stranger = await harness.hub.enrol({
      code: (await harness.hub.createEnrolmentCode({ clinicCode: 'LKS01', clinicId: null })).code,
      deviceId: '0194379c-6c00-7000-8000-00000000d0c1',
      deviceName: 'another practice',
      databaseId: 'db-stranger',
      clinic: { id: '0194379c-6c00-7000-8000-0000000000c1', code: 'LKS01', organizationId: '0194379c-6c00-7000-8000-0000000000c0' },
    });
    const productId = await addProduct('Lisinopril', '5000000000012');
    await first.core.sync.syncNow();
    const pulled = async (credential: string) => (await harness.hub.pull(credential, { cursor: null, limit: 1000 })).changes.filter((change) => change.table.startsWith('medicine_')).map((change) => change.table).sort();
    // The product and its code are the chain's; the price is Riverside's own.
    expect(await pulled(sister.credential)).toEqual(['medicine_barcodes', 'medicine_products']);
    expect(await pulled(stranger.credential)).toEqual([]);
    expect(productId).not.toBe('');
  });
});
