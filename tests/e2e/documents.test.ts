import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePng } from '#tests/support/document-files.ts';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { DocumentsPage } from './pages/DocumentsPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { launchChromium } from './support/browser.ts';

const SHOTS = '/tmp/shots-documents';

// A doctor on the demo clinic attaches a referral letter (PDF) and a photo (PNG) to a patient's
// chart and views both: the PDF in a frame, the photo inline, each from the bytes the core kept.
describe('patient documents in the chart, end to end on the demo clinic', () => {
  const dataDir = makeTempDir('clinic-e2e-documents-');
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;
  let documents: DocumentsPage;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path, '--demo']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(15_000);
    documents = new DocumentsPage(page);
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

  it('attaches a PDF and a PNG to a chart and shows each', async () => {
    await documents.openChartOfSomePatient();
    await documents.section().getByText('No documents yet.').waitFor();

    await documents.attach({ name: 'cardiology-referral.pdf', mimeType: 'application/pdf', buffer: samplePdf('Referral to cardiology') }, { type: 'Referral letter', date: '2026-02-20', title: 'Referral to cardiology' });
    await documents.attach({ name: 'wound.png', mimeType: 'image/png', buffer: samplePng(320, 200, 5) }, { type: 'Photo', date: '2026-02-21', title: 'Wound on the left shin' });
    const rows = documents.table().getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => documents.table().textContent()).toMatch(/Referral letter.*Referral to cardiology/);
    await page.screenshot({ path: `${SHOTS}/chart-documents-1366.png`, fullPage: true });

    const pdf = await documents.view('Referral to cardiology');
    const frame = pdf.locator('iframe[title="Referral to cardiology"]');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    await page.screenshot({ path: `${SHOTS}/viewer-pdf-1366.png` });
    await page.keyboard.press('Escape');
    await pdf.waitFor({ state: 'detached' });

    const photo = await documents.view('Wound on the left shin');
    const image = photo.getByRole('img', { name: 'Wound on the left shin' });
    await image.waitFor();
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    // The browser drew the PNG: its bytes came back whole.
    await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(320);
    await page.screenshot({ path: `${SHOTS}/viewer-png-1366.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${SHOTS}/viewer-png-1024.png` });
    await page.keyboard.press('Escape');
    await photo.waitFor({ state: 'detached' });
    await page.screenshot({ path: `${SHOTS}/chart-documents-1024.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('attaches a document to an encounter from its screen, and the chart lists it too', async () => {
    await page.getByRole('button', { name: 'Start unscheduled encounter' }).click();
    await documents.section('Documents of this encounter').getByText('No documents yet.').waitFor();
    await documents.attach({ name: 'ecg.png', mimeType: 'image/png', buffer: samplePng(200, 120, 9) }, { type: 'Imaging', date: '2026-02-22', title: 'ECG strip' }, 'Documents of this encounter');
    await documents.table('Documents of this encounter').getByRole('cell', { name: 'ECG strip', exact: true }).waitFor();
    await page.screenshot({ path: `${SHOTS}/encounter-documents-1366.png`, fullPage: true });
    await page.getByRole('button', { name: 'Open chart' }).click();
    await documents.table().getByRole('cell', { name: 'ECG strip', exact: true }).waitFor();
    await expect.poll(() => documents.table().getByRole('row').count()).toBe(4);
  });

  it('refuses, before sending, a file of another type and says which files are accepted', async () => {
    await documents.openAttach();
    const dialog = documents.attachDialog();
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('plain text') });
    await dialog.getByText('Only PDF, JPEG, PNG and WebP files can be attached.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Attach', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/attach-refused-1366.png` });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});
