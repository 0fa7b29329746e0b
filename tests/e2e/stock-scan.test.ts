import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { StockPage } from './pages/StockPage.ts';
import { launchChromium } from './support/browser.ts';

const SHOTS = process.env['STOCK_SHOTS_DIR'] ?? '/tmp/shots-pharmacy';

// Goods in at the pharmacy of the demo clinic: a GS1 pack scanned as a keyboard-wedge scanner types
// it (a key every 10 ms) while the focus sits in another field fills product, lot and expiry, and
// nothing of the scan lands in the focused field; a person typing at 120 ms a key keeps every key.
describe('receiving goods with a barcode scanner', { timeout: 120_000 }, () => {
  const dir = makeTempDir('clinic-e2e-stock-');
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dir.path, '--demo']);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(host.url);
    await new SignInPage(page).signIn('admin', 'demo-admin');
    await page.getByRole('button', { name: /Riverside Family Clinic \(RFC01\)/ }).click();
    await new AppShellPage(page).waitUntilShown();
  });

  afterAll(async () => {
    await browser.close();
    await host.stop();
    dir.remove();
  });

  it('shows the alerts and batches of the demo pharmacy', async () => {
    const stock = new StockPage(page);
    await stock.open();
    await stock.table('Expired stock on hand').waitFor();
    expect(await stock.table('Expired stock on hand').getByRole('row', { name: /PCM097/ }).count()).toBe(1);
    expect(await stock.table('Reorder list').getByRole('row', { name: /^Salbutamol 100 micrograms per puff inhaler 3 5$/ }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/stock-alerts.png`, fullPage: true });
    await stock.openView('Batches');
    await stock.table('Batches on hand').waitFor();
    await page.screenshot({ path: `${SHOTS}/stock-batches.png`, fullPage: true });
  });

  it('fills a receipt line from a scan, keeping it out of the focused field, and keeps a person’s typing', async () => {
    const stock = new StockPage(page);
    await stock.openView('Receive goods');
    await page.getByLabel('New supplier').fill('Pharma Direct');
    await page.getByRole('button', { name: 'Start receiving' }).click();
    await page.getByRole('heading', { name: /Goods receipt RFC01-G\d+ from Pharma Direct/ }).waitFor();

    const cost = page.getByLabel('Cost of one pack');
    await cost.click();
    // A person types the cost at 120 ms a key: every key stays in the field.
    await cost.pressSequentially('2.40', { delay: 120 });
    // The pharmacist picks up the scanner: well over the gap a scanner's first key may take.
    await page.waitForTimeout(600);
    expect(await cost.inputValue()).toBe('2.40');

    await stock.scan(']d201095060001343521728013110LOT-77A\u001d21SN0001');
    await expect.poll(() => page.getByLabel('Lot').inputValue()).toBe('LOT-77A');
    expect(await page.getByLabel('Expiry (YYYY-MM-DD)').inputValue()).toBe('2028-01-31');
    expect(await page.getByText('Amoxicillin 500 mg capsule').count()).toBe(1);
    expect(await cost.inputValue()).toBe('2.40');
    expect(await page.getByRole('alert').filter({ hasText: 'Code not read' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/stock-receive-scanned.png`, fullPage: true });

    await page.getByLabel('Packs').fill('6');
    await page.getByRole('button', { name: 'Receive line' }).click();
    await stock.table('Lines received').getByRole('row', { name: /LOT-77A/ }).waitFor();
    await page.getByRole('button', { name: 'Post goods receipt' }).click();
    await page.getByRole('button', { name: 'Start receiving' }).waitFor();

    await stock.openView('Stock count');
    await stock.table('Count sheet').getByRole('row', { name: /LOT-77A/ }).waitFor();
    await page.screenshot({ path: `${SHOTS}/stock-count.png`, fullPage: true });
  });
});
