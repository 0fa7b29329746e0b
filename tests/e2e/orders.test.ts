import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { ConsultationPage } from './pages/ConsultationPage.ts';
import { OrdersPanelPage } from './pages/OrdersPanelPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { launchChromium } from './support/browser.ts';

const shots = '/tmp/shots-orders';

// On the demo clinic: the doctor orders a blood count and a chest X-ray by typing, the specimen is
// taken, a result is typed in, and the chart shows it in its table over time, flagged.
describe('lab and imaging orders, end to end on the demo clinic', () => {
  const dataDir = makeTempDir('clinic-e2e-orders-');
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;
  let room: ConsultationPage;
  let orders: OrdersPanelPage;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path, '--demo']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(15_000);
    room = new ConsultationPage(page);
    orders = new OrdersPanelPage(page);
    await page.goto(host.url);
    await new SignInPage(page).signIn('doctor', 'demo-doctor');
    await page.getByRole('button', { name: /Riverside Family Clinic \(RFC01\)/ }).click();
    await new AppShellPage(page).waitUntilShown();
  });

  afterAll(async () => {
    await browser.close();
    await host.stop();
    dataDir.remove();
  });

  it('orders a CBC and a chest X-ray, enters a result, and the chart shows it flagged', async () => {
    await room.openWorklist();
    await room.worklist().focus();
    await page.keyboard.press('Enter');
    await room.banner().waitFor();
    await orders.panel().waitFor();

    await orders.chooseTest('blood count', /Complete blood count/);
    await orders.chooseTest('chest x-ray', /Chest X-ray, PA and lateral/);
    await orders.order('Urgent', 'Tired and breathless for two weeks');
    await orders.row('Complete blood count').waitFor();
    await orders.row('Chest X-ray, PA and lateral').waitFor();
    expect(await orders.row('Complete blood count').textContent()).toMatch(/Urgent.*Ordered/);
    await orders.panel().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/encounter-orders-1366.png`, fullPage: true });

    await orders.panel().getByRole('button', { name: 'Specimen taken (Complete blood count)' }).click();
    await expect.poll(() => orders.row('Complete blood count').textContent()).toMatch(/Collected/);

    const dialog = await orders.openResults('Complete blood count');
    // Low for either sex, so the demo patient's sex does not matter.
    await dialog.getByRole('textbox', { name: 'Haemoglobin: result' }).fill('8.0');
    await dialog.getByText('↓ low').waitFor();
    await dialog.getByRole('textbox', { name: 'White cell count: result' }).fill('6.5');
    await page.screenshot({ path: `${shots}/results-dialog-1366.png` });
    await dialog.getByRole('button', { name: 'Save results' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => orders.row('Complete blood count').textContent()).toMatch(/Resulted.*Haemoglobin 8\.0 g\/dL ↓ low/);

    await page.getByRole('button', { name: 'Open chart' }).click();
    const table = orders.resultsOverTime();
    await table.waitFor();
    const haemoglobin = table.getByRole('row').filter({ hasText: 'Complete blood count: Haemoglobin' });
    await haemoglobin.getByRole('cell', { name: '8.0 ↓ low' }).waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'White cell count' }).getByRole('cell', { name: '6.5', exact: true }).count()).toBe(1);
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/chart-results-1366.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/chart-results-1024.png` });
    await page.goBack();
    await orders.panel().waitFor();
    await orders.panel().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/encounter-orders-1024.png`, fullPage: true });
  });
});
