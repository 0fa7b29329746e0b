import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { ReceptionPage } from './pages/ReceptionPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { launchChromium } from './support/browser.ts';
import { CountingKeyboard } from './support/keystrokes.ts';

// How keystrokes are counted (support/keystrokes.ts): every key press is one, a chord one; typed
// text one per character. A known patient is found by the number of their record (four digits,
// counted); a new one's details are the characters of their name and date of birth, and
// everything else (the shortcut, Enter, Tab, arrows) is the overhead the issue bounds.
const newPatient = { name: 'Zara Quinn', birthDigits: '03151990', birthDate: '1990-03-15' };

describe('the front desk at keyboard speed, in Chromium at 1366×768 against the demo clinic', () => {
  const dataDir = makeTempDir('clinic-e2e-speed-');
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;
  let reception: ReceptionPage;
  let keys: CountingKeyboard;

  beforeAll(async () => {
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path, '--demo']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page.setDefaultTimeout(15_000);
    reception = new ReceptionPage(page);
    keys = new CountingKeyboard(page);
    await page.goto(host.url);
    await new SignInPage(page).signIn('admin', 'demo-admin');
    await page.getByRole('button', { name: /Riverside Family Clinic/ }).click();
    await new AppShellPage(page).waitUntilShown();
    await reception.recordPrinting();
  });

  afterAll(async () => {
    await browser.close();
    await host.stop();
    dataDir.remove();
  });

  it('gives a known walk-in patient a token in 7 keystrokes from another tab, and prints the slip with one more', async () => {
    await reception.openTab('Patients');
    keys.reset();
    await keys.press('F4');
    const dialog = reception.walkInDialog();
    await reception.waitForFocusOn(dialog.getByRole('textbox', { name: 'Patient' }));
    await keys.type('1007');
    await dialog.getByRole('button', { name: /^Choose .*, RFC01-M1007$/ }).waitFor();
    await keys.press('Enter');
    await dialog.getByText(/Patient: .* · RFC01-M1007/).waitFor();
    // Focus went on to the priority, not to the page's body.
    await reception.waitForFocusOn(dialog.getByRole('radio', { name: 'Green · regular', checked: true }));
    await keys.press('Enter');
    const token = reception.tokenDialog();
    await token.waitFor();
    expect(keys.count).toBe(7);

    const tokenText = ((await token.getByRole('heading').textContent()) ?? '').replace('Token ', '');
    await reception.waitForFocusOn(token.getByRole('button', { name: 'Print token slip' }));
    await keys.press('Enter');
    await token.waitFor({ state: 'detached' });
    expect(keys.count).toBe(8);
    const [slip] = await reception.printedSlips();
    expect(slip).toContain('Riverside Family Clinic');
    expect(slip).toContain(tokenText);
    expect(slip).toContain('Priority: Green');
    expect(slip).toMatch(/Arrived .*\d{1,2}:\d{2}/);
    expect(slip).not.toContain('RFC01-M1007');

    // Printed, only the slip shows, on a receipt 80 mm wide.
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('#token-slip');
    expect(await printed.isVisible()).toBe(true);
    expect(await page.locator('#root').isVisible()).toBe(false);
    const widthMm = ((await printed.boundingBox())?.width ?? 0) * (25.4 / 96);
    expect(Math.round(widthMm)).toBe(80);
    await page.emulateMedia({ media: 'screen' });
    expect(await printed.isVisible()).toBe(false);
  });

  it('registers a new walk-in inside the walk-in dialog in their details plus 9 keystrokes, and prints the slip with one more', async () => {
    await reception.openTab('Queue');
    keys.reset();
    await keys.press('F4');
    const dialog = reception.walkInDialog();
    await reception.waitForFocusOn(dialog.getByRole('textbox', { name: 'Patient' }));
    await keys.type(newPatient.name);
    await dialog.getByRole('button', { name: `Register “${newPatient.name}” as a new patient` }).waitFor();
    await keys.press('Enter');
    const form = reception.registrationForm();
    expect(await form.getByRole('textbox', { name: 'Given name' }).inputValue()).toBe('Zara');
    expect(await form.getByRole('textbox', { name: 'Family name' }).inputValue()).toBe('Quinn');
    await reception.waitForFocusOn(form.getByRole('combobox', { name: 'Sex' }));
    await keys.press('ArrowDown');
    await keys.press('ArrowDown');
    await keys.press('Enter');
    expect(await form.getByRole('combobox', { name: 'Sex' }).inputValue()).toBe('Female');
    await keys.press('Tab');
    await keys.press('Tab');
    await keys.type(newPatient.birthDigits);
    expect(await form.getByLabel('Date of birth').inputValue()).toBe(newPatient.birthDate);
    await keys.press('Enter');
    await dialog.getByText(/Patient: Zara Quinn · RFC01-M\d+/).waitFor();
    await reception.waitForFocusOn(dialog.getByRole('radio', { name: 'Green · regular', checked: true }));
    await keys.press('Enter');
    await reception.tokenDialog().waitFor();
    const details = newPatient.name.length + newPatient.birthDigits.length;
    expect(details).toBe(18);
    expect(keys.count - details).toBe(9);
    await keys.press('Enter');
    expect(keys.count - details).toBe(10);
    expect(await reception.printedSlips()).toHaveLength(2);
  });

  it('puts the focus inside a record opened from the header search', async () => {
    await reception.openFirstResult('zara quinn', 'Zara Quinn');
    await reception.waitForFocusOn(page.getByRole('heading', { name: 'Zara Quinn', level: 1 }));
  });
});
