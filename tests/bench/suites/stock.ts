import type { ClinicId, OrganizationId } from '#shared/domain/ids.ts';
import { pickBatches } from '#shared/modules/stock/batch-picking.ts';
import { createCore } from '#core/core.ts';
import { stockAlerts } from '#core/modules/stock/alerts.ts';
import { batchesOfProduct } from '#core/modules/stock/batch-rows.ts';
import { resolveScan } from '#core/modules/stock/scan.ts';
import { seededRandom } from '#core/demo/sample-names.ts';
import { systemClock } from '#core/platform/clock.ts';
import { newId } from '#core/platform/ids.ts';
import { withCheckDigit } from '#shared/modules/medicines/gtin.ts';
import { addDays } from '#shared/modules/stock/expiry.ts';
import { adminAccount, sampleClinic } from '#tests/support/core-harness.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { percentile, round, sample, type BenchSuite, type Figure } from '../figures.ts';

const SCANS = 400;
const BATCHES_PER_PRODUCT = 3;
const GS = String.fromCharCode(29);

/**
 * A pharmacy chain's catalogue of N products, three batches each and ten movements per batch at
 * one clinic: a scan to the cart line with its batch picked (the core's stock.scan then
 * stock.pick), and the reorder and expiry alerts over the whole catalogue.
 */
export function stockSuite(productCount: number): BenchSuite {
  return {
    title: `Stock (${productCount.toLocaleString('en')} products)`,
    run: async () => {
      const temp = makeTempDir('clinic-bench-stock-');
      try {
        const core = await createCore({ dataDir: temp.path, clock: systemClock, deviceName: 'bench', appVersion: 'bench' });
        const setup = await core.dispatch({ call: 'setup.createClinic', input: { clinic: sampleClinic, admin: adminAccount }, token: null });
        if (!setup.ok) throw new Error(setup.error.message);
        const { token, activeClinic } = setup.result as { token: string; activeClinic: { clinicId: string } };
        const { sqlite } = core.database;
        const userId = sqlite.prepare(`select id from users limit 1`).pluck().get() as string;
        const organizationId = sqlite.prepare(`select organization_id from clinics where id = ?`).pluck().get(activeClinic.clinicId) as string;
        const random = seededRandom(35);
        const today = new Date().toISOString().slice(0, 10);
        const now = new Date().toISOString();
        const products: { id: string; gtin: string; lots: string[] }[] = [];
        const insertProduct = sqlite.prepare(`insert into medicine_products (id, organization_id, kind, generic_name, strength_text, dose_form, created_at, updated_at) values (?, ?, 'MEDICINE', ?, '500 mg', 'tablet', ?, ?)`);
        const insertCode = sqlite.prepare(`insert into medicine_barcodes (id, organization_id, product_id, kind, code, lookup_code, created_at, updated_at) values (?, ?, ?, 'GTIN', ?, ?, ?, ?)`);
        const insertSettings = sqlite.prepare(`insert into medicine_clinic_settings (id, clinic_id, product_id, sale_price_minor, tax_rate_bp, reorder_level, created_at, updated_at) values (?, ?, ?, 450, 0, ?, ?, ?)`);
        const insertBatch = sqlite.prepare(`insert into stock_batches (id, clinic_id, product_id, lot, expiry_date, cost_price_minor, received_at, created_at, updated_at) values (?, ?, ?, ?, ?, 100, ?, ?, ?)`);
        const insertMovement = sqlite.prepare(
          `insert into stock_movements (id, clinic_id, batch_id, product_id, kind, quantity, user_id, device_name, occurred_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?, ?)`,
        );
        const load = sqlite.transaction((from: number, to: number) => {
          for (let index = from; index < to; index += 1) {
            const id = newId();
            const gtin = withCheckDigit(String(5_000_000_000_000 + index).slice(1));
            insertProduct.run(id, organizationId, `Product ${String(index)}`, now, now);
            insertCode.run(newId(), organizationId, id, gtin, gtin.padStart(14, '0'), now, now);
            insertSettings.run(newId(), activeClinic.clinicId, id, Math.floor(random() * 40), now, now);
            const lots: string[] = [];
            for (let batch = 0; batch < BATCHES_PER_PRODUCT; batch += 1) {
              const batchId = newId();
              const lot = `L${String(index)}-${String(batch)}`;
              lots.push(lot);
              insertBatch.run(batchId, activeClinic.clinicId, id, lot, addDays(today, Math.floor(random() * 900) - 60), now, now, now);
              insertMovement.run(newId(), activeClinic.clinicId, batchId, id, 'RECEIPT', 50, userId, now, now, now);
              for (let sale = 0; sale < 9; sale += 1) insertMovement.run(newId(), activeClinic.clinicId, batchId, id, 'SALE', -1, userId, now, now, now);
            }
            products.push({ id, gtin, lots });
          }
        });
        for (let from = 0; from < productCount; from += 10_000) load(from, Math.min(productCount, from + 10_000));
        sqlite.exec('analyze');

        // In the core: the services the calls run, without the dispatcher's session and role checks.
        const { db } = core.database;
        const clinicId = activeClinic.clinicId as ClinicId;
        const scanDurations = await sample(SCANS, (index) => {
          const product = products[Math.floor(random() * products.length)];
          if (product === undefined) return Promise.resolve();
          const code = index % 2 === 0 ? product.gtin : `]d201${product.gtin.padStart(14, '0')}17${addDays(today, 400).slice(2).replace(/-/g, '')}10${product.lots[1] ?? ''}${GS}21SN${String(index)}`;
          const scanned = resolveScan(db, organizationId as OrganizationId, clinicId, today, code);
          if (scanned.product === null) throw new Error('scan found no product');
          const picked = pickBatches(batchesOfProduct(db, clinicId, scanned.product.id), { quantity: 1, today, chosenBatchId: scanned.batch?.batchId ?? null });
          if (!picked.ok || picked.picks.length === 0) throw new Error('no batch picked');
          return Promise.resolve();
        });
        const alertDurations = await sample(5, () => Promise.resolve(stockAlerts(db, clinicId, today)));
        const dispatched = await sample(5, async () => {
          const outcome = await core.dispatch({ call: 'stock.alerts', input: {}, token });
          if (!outcome.ok) throw new Error(outcome.error.message);
        });
        await core.close();
        const scale = `${productCount.toLocaleString('en')} products, ${(productCount * BATCHES_PER_PRODUCT).toLocaleString('en')} batches, ${(productCount * BATCHES_PER_PRODUCT * 10).toLocaleString('en')} movements`;
        const figures: Figure[] = [
          { name: 'scan_to_line_p95_ms', value: round(percentile(scanDurations, 0.95)), unit: 'ms', note: `read the code, find product and lot, pick the batch FEFO, in the core; EAN-13 and GS1 DataMatrix alternately; ${scale}` },
          { name: 'stock_alerts_ms', value: round(percentile(alertDurations, 0.5)), unit: 'ms', note: `median of 5, reorder + expiry lists in the core; through the dispatcher ${String(round(percentile(dispatched, 0.5)))} ms; ${scale}` },
        ];
        return figures;
      } finally {
        temp.remove();
      }
    },
  };
}
