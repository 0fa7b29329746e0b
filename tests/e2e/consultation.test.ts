import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { ConsultationPage } from './pages/ConsultationPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { PrescriptionPanel } from './pages/PrescriptionPanel.ts';
import { launchChromium } from './support/browser.ts';
import { callAsPage, recordAllergyAtFrontDesk } from './support/front-desk-api.ts';

// A consultation on the demo clinic, by keyboard where the doctor would use it: the next patient
// from the worklist, vitals (a typo refused), a note, a diagnosis, a prescription whose allergy
// alert the doctor overrides with a reason, its printed PDF, signing and completing; the patient
// then leaves the queue.
describe('the doctor’s room, end to end on the demo clinic', () => {
  const dataDir = makeTempDir('clinic-e2e-consult-');
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;
  let room: ConsultationPage;

  beforeAll(async () => {
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path, '--demo']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(15_000);
    room = new ConsultationPage(page);
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

  it('takes the next patient, records vitals, writes and signs a note with a diagnosis, completes, and the patient leaves the queue', async () => {
    await room.openWorklist();
    const first = room.worklist().getByRole('option').first();
    const name = ((await first.locator('p').nth(1).textContent()) ?? '').replace(/\s+\S+-M\S+$/, '').trim();
    expect(name).not.toBe('');
    // One key starts the selected patient's consultation.
    await page.screenshot({ path: '/tmp/shots-consult/worklist.png' });
    await room.worklist().focus();
    await page.keyboard.press('Enter');
    await room.banner().getByRole('heading', { name }).waitFor();
    await expect.poll(() => room.banner().textContent()).toMatch(/Record number .*-M\d+/);

    await room.recordVital(/^Temperature/, '377');
    await page.getByText('Temperature 377 °C cannot be right').waitFor();
    await room.recordVital(/^Temperature/, '38.2');
    await room.recordVital(/^Pulse/, '96');
    await room.vitalsForm().getByRole('button', { name: 'Save vitals' }).click();
    const vitals = page.getByRole('table', { name: 'Vitals of this visit' });
    await vitals.getByText('38.2 °C ↑ high').waitFor();
    await page.screenshot({ path: '/tmp/shots-consult/encounter-vitals.png' });

    await room.noteField('Subjective').fill('Sore throat and fever for two days.');
    await room.noteField('Objective').fill('Inflamed tonsils, no exudate.');
    await room.noteField('Assessment').fill('Acute tonsillitis, probably viral.');
    await room.noteField('Plan').fill('Paracetamol, fluids; review in five days if not better.');
    await room.addDiagnosis('acute tonsillitis', 'J03.90');
    await room.waitUntilDraftSaved();
    await page.screenshot({ path: '/tmp/shots-consult/encounter-note.png', fullPage: true });

    // Whoever the demo drew, the front desk has just recorded a severe penicillin allergy.
    const encounterId = new URL(page.url()).hash.split('/').at(-1) ?? '';
    const detail = await callAsPage<{ encounter: { patient: { id: string } } }>(page, host.url, 'consultation.get', { encounterId });
    await recordAllergyAtFrontDesk(page.request, host.url, detail.encounter.patient.id, { substance: 'Penicillin', reaction: 'Anaphylaxis', severity: 'SEVERE' });
    const rx = new PrescriptionPanel(page);
    await rx.fillLine('amoxil', 'Amoxicillin 500 mg capsule (Amoxil)', { frequency: 'tds', days: '7', instructions: 'Finish the course' });
    // The abbreviation in words, the quantity computed, and the allergy shown before anything is saved.
    await rx.form().getByText('TDS: three times a day').waitFor();
    await expect.poll(() => rx.form().getByRole('textbox', { name: 'Quantity' }).inputValue()).toBe('21');
    const before = rx.form().getByRole('list', { name: 'Alerts for this medicine' });
    await before.getByRole('listitem').filter({ hasText: 'Contraindicated' }).filter({ hasText: /allergic to “Penicillin”/ }).waitFor();
    await page.screenshot({ path: '/tmp/shots-consult/prescription-alert.png', fullPage: true });
    await rx.form().getByRole('button', { name: 'Add to prescription' }).click();
    const override = rx.overrideDialog();
    await override.getByText(/allergic to “Penicillin”/).waitFor();
    await page.screenshot({ path: '/tmp/shots-consult/prescription-override.png' });
    await override.getByRole('textbox', { name: 'Reason to go ahead' }).fill('Tolerated a full amoxicillin course in 2024');
    await override.getByRole('button', { name: 'Override and add' }).click();
    await override.waitFor({ state: 'detached' });
    const line = rx.lines().getByRole('row').filter({ hasText: 'Amoxicillin 500 mg capsule (Amoxil)' });
    await line.getByText('Take 1 capsules by mouth, three times a day for 7 days.').waitFor();
    await line.getByText(/Overridden allergy alert: Tolerated a full amoxicillin course in 2024/).waitFor();
    await expect.poll(() => line.getByRole('cell').nth(2).textContent()).toBe('21');
    const reference = (await rx.panel().getByText(/^RFC01-R\d+$/).textContent()) ?? '';

    await rx.panel().getByRole('button', { name: 'Print…' }).click();
    await rx.printDialog().getByRole('link', { name: 'Save PDF' }).waitFor();
    await page.screenshot({ path: '/tmp/shots-consult/prescription-print.png' });
    const printed = await callAsPage<{ reference: string; pdfBase64: string }>(page, host.url, 'prescriptions.print', { encounterId, pageSize: 'A5' });
    expect(printed.reference).toBe(reference);
    const pdf = Buffer.from(printed.pdfBase64, 'base64').toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    // The page's text, as its text operators write it (hex strings of the standard font).
    const text = [...pdf.matchAll(/<([0-9a-f]+)>/g)].map((match) => Buffer.from(match[1] ?? '', 'hex').toString('latin1')).join('');
    expect(text).toContain(reference);
    await page.keyboard.press('Escape');
    await rx.printDialog().waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Sign note' }).click();
    await page.getByRole('article', { name: /^Note signed by/ }).getByText('J03.90 Acute tonsillitis, unspecified').waitFor();
    // Signed with the note: the prescription reads only.
    await rx.panel().getByText('Signed', { exact: true }).waitFor();
    expect(await rx.form().count()).toBe(0);
    expect(await rx.lines().getByRole('button', { name: /^Remove / }).count()).toBe(0);

    await page.getByRole('button', { name: 'Complete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Complete the encounter' });
    await dialog.getByRole('cell', { name: /^CONS-/ }).waitFor();
    await page.screenshot({ path: '/tmp/shots-consult/complete.png' });
    await dialog.getByRole('button', { name: 'Complete encounter' }).click();
    await room.worklist().or(page.getByText('Nobody is waiting for you.')).first().waitFor();
    await expect.poll(() => room.worklist().getByText(name).count()).toBe(0);
  });
});
