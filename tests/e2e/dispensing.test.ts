import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { DispensePage } from './pages/DispensePage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { launchChromium } from './support/browser.ts';
import { demoPacks, signDemoPrescription, type DemoPrescription } from './support/demo-prescription.ts';

const SHOTS = process.env['DISPENSE_SHOTS_DIR'] ?? '/tmp/shots-dispense';

// The pharmacy counter of the demo clinic: the doctor has signed a prescription; the pharmacist
// scans its QR code as a keyboard-wedge scanner types it (a key every 10 ms), the lines fill with
// the batches first expiry first would take, a pack of another medicine is stopped, the right pack
// is checked, part is handed over, and the rest stays open on the prescription.
describe('dispensing a prescription at the pharmacy counter', { timeout: 180_000 }, () => {
  const dir = makeTempDir('clinic-e2e-dispense-');
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;
  let prescription: DemoPrescription;

  beforeAll(async () => {
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dir.path, '--demo']);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    page.setDefaultTimeout(15_000);
    prescription = await signDemoPrescription(page.request, host.url, { givenName: 'Dina', familyName: 'Dispensary', birthDate: '1979-08-23' }, [
      { gtin: demoPacks.amoxicillin, quantity: 3 },
      { gtin: demoPacks.salbutamol, quantity: 1 },
    ]);
    await page.goto(host.url);
    await new SignInPage(page).signIn('pharmacist', 'demo-pharmacist');
    await new AppShellPage(page).waitUntilShown();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await host.stop();
    dir.remove();
  });

  it('loads the prescription from a scan of its QR code, stops the wrong pack, and dispenses part of it', async () => {
    const counter = new DispensePage(page);
    await counter.open();
    await counter.scan(prescription.reference);
    // The first read of the demo's prescriptions can be slow on a loaded machine.
    await page.getByRole('heading', { name: `Prescription ${prescription.reference} by Dr. Rahul Mehta` }).waitFor({ timeout: 45_000 });
    expect(await page.getByRole('textbox', { name: 'Prescription reference' }).inputValue()).toBe('');
    await page.getByRole('region', { name: 'Patient' }).getByText('Dina Dispensary').waitFor();
    const amoxicillin = counter.line(/Amoxicillin/);
    expect(await amoxicillin.getByRole('combobox', { name: /Batch of Amoxicillin/ }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '')).toMatch(/^AMX2301 · /);
    expect(await counter.line(/Salbutamol/).getByRole('combobox', { name: /Batch of Salbutamol/ }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '')).toMatch(/^SLB552 · /);
    expect(await amoxicillin.getByRole('textbox', { name: /Packs of Amoxicillin/ }).inputValue()).toBe('3');
    await page.getByRole('button', { name: 'Confirm this is the patient at the counter' }).click();
    await page.getByText('✓ Patient at the counter', { exact: true }).waitFor();

    // A pack of paracetamol is not on the prescription: stopped, and nothing is checked.
    await counter.scan(demoPacks.paracetamol);
    await counter.stop().filter({ hasText: 'Wrong medicine' }).waitFor();
    expect(await counter.stop().textContent()).toMatch(/Paracetamol 500 mg tablet is not on this prescription/);
    expect(await amoxicillin.getByRole('checkbox').isChecked()).toBe(false);
    await page.screenshot({ path: `${SHOTS}/dispense-wrong-pack.png`, fullPage: true });

    // The amoxicillin pack in hand, a GS1 code with its lot: the line is checked, from that batch.
    await counter.scan(`]d201${demoPacks.amoxicillin.padStart(14, '0')}10AMX2405`);
    await page.getByRole('status').filter({ hasText: 'Pack of Amoxicillin 500 mg capsule checked, lot AMX2405.' }).waitFor();
    expect(await counter.stop().count()).toBe(0);
    expect(await amoxicillin.getByRole('checkbox').isChecked()).toBe(true);
    expect(await amoxicillin.getByRole('combobox').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '')).toMatch(/^AMX2405 · /);

    // One pack of amoxicillin now, no salbutamol: the rest stays open.
    await amoxicillin.getByRole('textbox', { name: /Packs of Amoxicillin/ }).fill('1');
    await counter.line(/Salbutamol/).getByRole('textbox', { name: /Packs of Salbutamol/ }).fill('0');
    await page.screenshot({ path: `${SHOTS}/dispense-ready.png`, fullPage: true });
    await page.getByRole('button', { name: 'Dispense', exact: true }).click();
    await page.getByText(`Dispensed 1 pack. 3 remain open on ${prescription.reference}.`).waitFor();
    await page.getByRole('heading', { name: 'Handed over before' }).waitFor();
    expect(await amoxicillin.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['3', '1', '2']));
    await page.screenshot({ path: `${SHOTS}/dispense-partial.png`, fullPage: true });

    // The next patient; the same prescription scanned again still has the rest open.
    await page.getByRole('button', { name: 'Next patient' }).click();
    await counter.scan(prescription.reference.toLowerCase());
    await page.getByRole('heading', { name: `Prescription ${prescription.reference} by Dr. Rahul Mehta` }).waitFor();
    const again = counter.line(/Amoxicillin/);
    expect(await again.getByRole('textbox', { name: /Packs of Amoxicillin/ }).inputValue()).toBe('2');
    expect(await again.getByRole('cell').nth(3).textContent()).toBe('2');
    expect(await page.getByRole('button', { name: 'Dispense', exact: true }).isDisabled()).toBe(true);
  });

  it('stops a prescription of another patient than the one confirmed at the counter', async () => {
    await page.getByRole('heading', { name: `Prescription ${prescription.reference} by Dr. Rahul Mehta` }).waitFor();
    const other = await signDemoPrescription(page.request, host.url, { givenName: 'Otto', familyName: 'Otherperson', birthDate: '1961-02-14' }, [{ gtin: demoPacks.amoxicillin, quantity: 1 }]);
    await page.getByRole('button', { name: 'Confirm this is the patient at the counter' }).click();
    await counter().scan(other.reference);
    await counter().stop().filter({ hasText: 'Wrong patient' }).waitFor();
    await page.getByRole('heading', { name: `Prescription ${prescription.reference} by Dr. Rahul Mehta` }).waitFor();
    await page.screenshot({ path: `${SHOTS}/dispense-wrong-patient.png`, fullPage: true });
  });

  function counter(): DispensePage {
    return new DispensePage(page);
  }
});
