import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { ConsultationPage } from './pages/ConsultationPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { launchChromium } from './support/browser.ts';

// A consultation on the demo clinic, by keyboard where the doctor would use it: the next patient
// from the worklist, vitals (a typo refused), a note, a diagnosis, signing and completing; the
// patient then leaves the queue.
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
    await page.getByRole('button', { name: 'Sign note' }).click();
    await page.getByRole('article', { name: /^Note signed by/ }).getByText('J03.90 Acute tonsillitis, unspecified').waitFor();

    await page.getByRole('button', { name: 'Complete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Complete the encounter' });
    await dialog.getByRole('cell', { name: /^CONS-/ }).waitFor();
    await page.screenshot({ path: '/tmp/shots-consult/complete.png' });
    await dialog.getByRole('button', { name: 'Complete encounter' }).click();
    await room.worklist().or(page.getByText('Nobody is waiting for you.')).first().waitFor();
    await expect.poll(() => room.worklist().getByText(name).count()).toBe(0);
  });
});
