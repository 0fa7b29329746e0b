import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '#core/platform/paths.ts';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AdminPage } from './pages/AdminPage.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { DiagnosisPickerField } from './pages/DiagnosisPickerField.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { launchChromium } from './support/browser.ts';

const fixtures = join(repositoryRoot, 'tests', 'fixtures', 'icd10');

// The administration's diagnosis codes: the starter list in use, the picker doctors use, and a
// published code file imported in its place, a bad one refused by its line.
describe('diagnosis codes, end to end', { timeout: 120_000 }, () => {
  const dataDir = makeTempDir('clinic-e2e-icd-');
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path, '--demo']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(15_000);
    await page.goto(host.url);
    await new SignInPage(page).signIn('admin', 'demo-admin');
    await page.getByRole('button', { name: /Riverside Family Clinic \(RFC01\)/ }).click();
    await new AppShellPage(page).open('Administration');
    await new AdminPage(page).openTab('Diagnosis codes');
  });

  afterAll(async () => {
    await browser.close();
    await host.stop();
    dataDir.remove();
  });

  /** Chooses a file as a person does: the field opens the system's file chooser. */
  async function chooseFile(name: string, buffer: Buffer): Promise<void> {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Code file' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer });
  }

  const codeSetTable = () => page.getByRole('table', { name: 'Code set loaded on this workstation' });

  it('shows the starter list the workstation loaded on its first start', async () => {
    await codeSetTable().getByText('Common outpatient codes shipped with the app').waitFor();
    await expect(codeSetTable().getByRole('row', { name: /Edition/ }).textContent()).resolves.toContain('ICD-10-CM 2025');
  });

  it('picks a diagnosis by typing words out of order, by keyboard alone', async () => {
    const picker = new DiagnosisPickerField(page, 'Look up a code');
    expect(await picker.offered('right otitis media unsp', 'H66.91')).toEqual(['H66.91 Otitis media, unspecified, right ear']);
    await picker.input.fill('');
    // The shorter title first: left knee, then right knee, one arrow down.
    await picker.pickByKeyboard('knee pain', 'M25.562', 1);
    await page.getByText('Chosen: M25.561 Pain in right knee').waitFor();
    await picker.pickByKeyboard('j069', 'J06.9');
    await page.getByText('Chosen: J06.9 Acute upper respiratory infection, unspecified').waitFor();
    // Enter straight after the last key waits for that text's own results, never an earlier text's.
    await picker.input.pressSequentially('E11.9');
    await page.keyboard.press('Enter');
    await page.getByText('Chosen: E11.9 Type 2 diabetes mellitus without complications').waitFor();
  });

  it('refuses a file with a malformed line, naming it, and keeps the code set', async () => {
    const lines = readFileSync(join(fixtures, 'icd10cm_order_2025.txt'), 'utf8').split('\n');
    lines[41] = `${(lines[41] ?? '').slice(0, 14)}7${(lines[41] ?? '').slice(15)}`;
    await chooseFile('icd10cm_order_2025.txt', Buffer.from(lines.join('\n')));
    await page.getByRole('button', { name: 'Import codes' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not imported' }).textContent()).resolves.toContain('Line 42: the header flag is "7"; it must be 0 (header) or 1 (billable). Nothing was imported.');
    await codeSetTable().getByText('Common outpatient codes shipped with the app').waitFor();
  });

  it('imports the published codes file, taking edition and version from its name, and searches it at once', async () => {
    const text = readFileSync(join(fixtures, 'icd10cm_codes_2025.txt'));
    await chooseFile('icd10cm_codes_2026.txt', text);
    await expect(page.getByRole('textbox', { name: 'Version' }).inputValue()).resolves.toBe('2026');
    await page.getByRole('button', { name: 'Import codes' }).click();
    const lineCount = text.toString('utf8').split('\n').filter((line) => line.trim() !== '').length;
    await page.getByText(`${lineCount.toLocaleString('en')} codes of ICD-10-CM 2026 are now searched on this workstation.`).waitFor();
    await codeSetTable().getByText('Imported from icd10cm_codes_2026.txt').waitFor();
    // The codes file has no headers: the category J06 is gone, its codes stay.
    const picker = new DiagnosisPickerField(page, 'Look up a code');
    expect(await picker.offered('J06', 'J06.0')).toEqual(['J06.0 Acute laryngopharyngitis', 'J06.9 Acute upper respiratory infection, unspecified']);
  });
});
