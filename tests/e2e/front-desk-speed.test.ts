import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AdminPage } from './pages/AdminPage.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { ReceptionPage } from './pages/ReceptionPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { launchChromium } from './support/browser.ts';
import { CountingKeyboard } from './support/keystrokes.ts';

// How keystrokes are counted (support/keystrokes.ts): every key press is one, a chord one; typed
// text one per character. A known patient is found by the number of their record (four digits,
// counted); a new one's details are the characters of their name and date of birth, and
// everything else (the shortcut, Enter, Tab, arrows) is the overhead the issue bounds.
// The demo clinic is British: dates are typed day, month, year.
const newPatient = { name: 'Zara Quinn', birthDigits: '15031990', birthDate: '15/03/1990' };

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
    await new SignInPage(page).signInToDemoClinic();
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
    // The first arrow opens the list; whether it also lands on the first option depends on how
    // soon the list is drawn, so the arrows go on until Female is the one under the cursor.
    await keys.press('ArrowDown');
    const female = page.getByRole('option', { name: 'Female', exact: true });
    await female.waitFor();
    for (let tries = 0; tries < 3 && (await female.getAttribute('data-combobox-selected')) === null; tries += 1) await keys.press('ArrowDown');
    await keys.press('Enter');
    expect(await form.getByRole('combobox', { name: 'Sex' }).inputValue()).toBe('Female');
    await keys.press('Tab');
    await keys.press('Tab');
    await keys.type(newPatient.birthDigits);
    expect(await form.getByLabel('Date of birth').inputValue()).toBe(newPatient.birthDigits);
    await keys.press('Enter');
    await dialog.getByText(/Patient: Zara Quinn · RFC01-M\d+/).waitFor();
    await reception.waitForFocusOn(dialog.getByRole('radio', { name: 'Green · regular', checked: true }));
    await keys.press('Enter');
    await reception.tokenDialog().waitFor();
    const details = newPatient.name.length + newPatient.birthDigits.length;
    expect(details).toBe(18);
    expect(keys.count - details).toBeLessThanOrEqual(9);
    await keys.press('Enter');
    expect(keys.count - details).toBeLessThanOrEqual(10);
    expect(await reception.printedSlips()).toHaveLength(2);
  });

  it('never picks a similar spelling on Enter, and warns of a duplicate when registering inside the walk-in dialog', async () => {
    await page.keyboard.press('F4');
    const dialog = reception.walkInDialog();
    await reception.waitForFocusOn(dialog.getByRole('textbox', { name: 'Patient' }));
    await page.keyboard.type('Zarah Quinn');
    const similar = dialog.getByRole('button', { name: /^Choose Zara Quinn, RFC01-M\d+$/ });
    await similar.waitFor();
    await page.keyboard.press('Enter');
    // Several could be meant (or only a look-alike): Enter goes to the list and the desk decides.
    await reception.waitForFocusOn(similar);

    await dialog.getByRole('button', { name: 'Register “Zarah Quinn” as a new patient' }).click();
    const form = reception.registrationForm();
    await form.getByRole('combobox', { name: 'Sex' }).click();
    await page.getByRole('option', { name: 'Female', exact: true }).click();
    await form.getByLabel('Date of birth').fill(newPatient.birthDate);
    const warning = form.getByRole('alert').filter({ hasText: 'This may be the same person' });
    await warning.waitFor();
    await warning.getByRole('button', { name: /^Open RFC01-M\d+$/ }).click();
    await dialog.getByText(/Patient: Zara Quinn · RFC01-M\d+/).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('puts the focus inside a record opened from the header search, whose patient the walk-in shortcut takes', async () => {
    await reception.openFirstResult('zara quinn', 'Zara Quinn');
    await reception.waitForFocusOn(page.getByRole('heading', { name: 'Zara Quinn', level: 1 }));

    // On a record, the walk-in shortcut is for that patient: the priority is all that is left.
    await page.keyboard.press('F4');
    const dialog = reception.walkInDialog();
    await dialog.getByText(/Patient: Zara Quinn · RFC01-M\d+/).waitFor();
    await reception.waitForFocusOn(dialog.getByRole('radio', { name: 'Green · regular', checked: true }));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
  it('shows the audit log in plain words, with patients by name and record number, filters it and exports it', async () => {
    // The front desk's account tries the log, which only administrators read: a refusal to show.
    const signIn = await page.request.post(`${host.url}/api/call/auth.signIn`, { data: { username: 'staff', password: 'demo-staff' } });
    const staffToken = String(((await signIn.json()) as { result?: { token?: string } }).result?.token);
    const refused = await page.request.post(`${host.url}/api/call/audit.list`, { data: { limit: 10 }, headers: { authorization: `Bearer ${staffToken}` } });
    expect(((await refused.json()) as { error?: { code?: string } }).error?.code).toBe('FORBIDDEN');

    await new AppShellPage(page).open('Administration');
    const admin = new AdminPage(page);
    await admin.openTab('Audit log');
    await admin.auditLog().getByRole('row').filter({ hasText: 'Opened patient record' }).first().waitFor();
    const actions = await admin.auditColumn('Action');
    expect(actions.filter((action) => /^[a-z]+\.[a-zA-Z]+$/.test(action))).toEqual([]);
    expect(actions).toEqual(expect.arrayContaining(['Opened patient record', 'Added a walk-in to the queue', 'Registered a patient', 'Read the audit log']));
    expect(await admin.auditColumn('Who')).toContain('Amara Okafor');
    expect((await admin.auditColumn('About')).some((about) => /^Zara Quinn · RFC01-M\d+$/.test(about))).toBe(true);
    expect(await admin.auditColumn('Outcome')).toContain('Refused');
    expect(await admin.cutOutcomeBadges()).toBe(0);

    const patient = page.getByRole('textbox', { name: 'About patient' });
    await patient.fill('Zara Quinn');
    await page.getByRole('button', { name: /^Choose Zara Quinn, RFC01-M\d+$/ }).waitFor();
    await patient.press('Enter');
    await page.getByText(/About patient: Zara Quinn/).waitFor();
    await expect.poll(async () => new Set(await admin.auditColumn('About'))).toEqual(new Set([expect.stringMatching(/^Zara Quinn · RFC01-M\d+$/)]));
    expect(new Set(await admin.auditColumn('Action'))).toEqual(new Set(['Registered a patient', 'Opened patient record', 'Added a walk-in to the queue']));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-RFC01-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header).toBe('When,Who,Action,Outcome,Patient,Record number,About,Workstation,Detail,Action code');
    expect(rows).toHaveLength((await admin.auditColumn('Action')).length);
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},Amara Okafor,[^,]+,Done,Zara Quinn,RFC01-M\d+,/.test(row))).toBe(true);
    expect(rows.some((row) => row.includes(',Added a walk-in to the queue,') && row.endsWith(',queue.addWalkIn'))).toBe(true);
  });
});
