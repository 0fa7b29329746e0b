import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AdminPage } from './pages/AdminPage.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { DisplayPage } from './pages/DisplayPage.ts';
import { ReceptionPage } from './pages/ReceptionPage.ts';
import { SetupPage } from './pages/SetupPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { launchChromium } from './support/browser.ts';
import { zoneNearNoon } from './support/time-zone.ts';

const admin = { fullName: 'Ada Admin', username: 'ada', password: 'correct horse battery' };
const doctor = { fullName: 'Dr. Jo Bell', username: 'jbell', password: 'first-temporary', role: 'Doctor' };
const priya = { givenName: 'Priya', familyName: 'Sharma', sex: 'Female' as const, birthDate: '1988-04-12', phone: '+44 7700 900123' };

// The front desk's day, in order: a new clinic, its doctor's hours, a patient, a booking, the
// queue and the waiting-room screen.
describe('reception, end to end in Chromium against the web host', () => {
  const dataDir = makeTempDir('clinic-e2e-reception-');
  const clinicZone = zoneNearNoon();
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;
  let reception: ReceptionPage;
  let tvScreen: Page;
  let appointmentReference = '';

  beforeAll(async () => {
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    page.setDefaultTimeout(15_000);
    reception = new ReceptionPage(page);
    await page.goto(host.url);
    const setup = new SetupPage(page);
    await setup.waitUntilShown();
    await setup.createClinic({ code: 'RFC01', name: 'Riverside Family Clinic', country: 'United Kingdom', city: 'Bristol', currency: 'GBP', timeZone: clinicZone.label }, admin);
    await new AppShellPage(page).waitUntilShown();
  });

  afterAll(async () => {
    await browser.close();
    await host.stop();
    dataDir.remove();
  });

  it('gives a new doctor a profile and today’s hours', async () => {
    await new AppShellPage(page).open('Administration');
    await new AdminPage(page).users.createUser(doctor);
    await reception.setDoctorSchedule(doctor.fullName, { specialization: 'General practice' }, { day: clinicZone.weekday, from: '00:00', to: '23:45', slotMinutes: 15 });
    expect(await page.getByRole('table', { name: 'Doctors' }).textContent()).toContain('Bookable');
  });

  it('registers a patient with a record number', async () => {
    const form = await reception.fillRegistration(priya);
    await form.getByRole('radio', { name: 'Has allergies' }).check();
    await form.getByRole('button', { name: 'Add allergy' }).click();
    await form.getByRole('textbox', { name: 'Substance' }).fill('Penicillin');
    await form.getByRole('button', { name: 'Register patient' }).click();
    const heading = page.getByRole('heading', { name: 'Priya Sharma', level: 1 });
    await heading.waitFor();
    // The line under the name: the clinic's first record number, then sex and age.
    const identity = await heading.locator('xpath=following-sibling::*[1]').textContent();
    expect(identity).toMatch(/^RFC01-M1001 · Female · \d+ y/);
    expect(await page.getByLabel('Allergies').textContent()).toContain('Penicillin');
  });

  it('warns that a second, similar registration may be the same person', async () => {
    const form = await reception.fillRegistration({ ...priya, givenName: 'Priyah', phone: '' });
    const warning = form.getByRole('alert').filter({ hasText: 'This may be the same person' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('RFC01-M1001');
    await form.getByRole('button', { name: 'Register patient' }).click();
    await form.getByText('Check the possible duplicates above').waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('finds the patient by part of the name, by phone in another format and by record number', async () => {
    for (const query of ['shar pri', '07700 900 123', 'rfc01-m1001', 'Priyaa Sharma']) {
      const results = await reception.search(query);
      await results.getByRole('option', { name: /^Priya Sharma.*RFC01-M1001/ }).waitFor();
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Priya Sharma', level: 1 }).waitFor();
  });

  it('books the next free slot', async () => {
    appointmentReference = await reception.bookNextFreeSlot(doctor.fullName);
    expect(appointmentReference).toBe('RFC01-A1001');
    await page.getByRole('table', { name: 'Appointments of this patient' }).getByText('Scheduled').waitFor();
  });

  it('checks the patient in and shows the token on the waiting-room screen', async () => {
    await new AppShellPage(page).open('Administration');
    const admin = new AdminPage(page);
    await admin.openTab('Clinic details');
    await page.getByRole('button', { name: 'Create screen link' }).click();
    const link = (await page.getByText(/display\.html#key=/).textContent()) ?? '';
    expect(link).toContain('display.html#key=');
    tvScreen = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await tvScreen.goto(link);

    await reception.openTab('Queue');
    await page.getByRole('button', { name: 'Check in Priya Sharma' }).click();
    await reception.queueRow('A1').waitFor();
    expect(await reception.queueRow('A1').textContent()).toContain(appointmentReference);
    await new DisplayPage(tvScreen).waiting().getByText('A1', { exact: true }).waitFor();
  });

  it('calls the patient to a room, which the screen shows, then marks the visit done', async () => {
    await reception.queueRow('A1').getByRole('button', { name: 'Call A1' }).click();
    const callForm = page.getByRole('form', { name: 'Call A1 to a room' });
    await callForm.getByRole('textbox', { name: 'Room' }).fill('Room 2');
    const calledAt = Date.now();
    await callForm.getByRole('button', { name: 'Call to room' }).click();
    const display = new DisplayPage(tvScreen);
    await display.called().getByText('Room 2').waitFor();
    process.stdout.write(`queue display updated ${String(Date.now() - calledAt)} ms after the call\n`);
    expect(await display.called().textContent()).toContain('A1');
    expect(await tvScreen.content()).not.toContain('Sharma');

    await reception.queueRow('A1').getByRole('button', { name: 'Start consultation for A1' }).click();
    await reception.queueRow('A1').getByRole('button', { name: 'Mark A1 done' }).click();
    await reception.queueRow('A1').getByText('Done').waitFor();
    await display.called().getByText('Nobody called yet').waitFor();

    await reception.openTab('Appointments');
    await page.getByRole('table', { name: 'Appointments' }).getByText('Completed').waitFor();
  });
});

// A patient of Riverside comes to Hillview, a clinic of the same chain: the desk adds them by
// record number and one more identifier the patient gives.
describe('adding a patient of another clinic of the chain, end to end', () => {
  const dataDir = makeTempDir('clinic-e2e-link-');
  const ingrid = { givenName: 'Ingrid', familyName: 'Solberg', sex: 'Female' as const, birthDate: '1979-11-03', phone: '+44 7700 900456' };
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;
  let reception: ReceptionPage;

  beforeAll(async () => {
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path, '--demo']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    page.setDefaultTimeout(15_000);
    reception = new ReceptionPage(page);
    await page.goto(host.url);
    await new SignInPage(page).signInToDemoClinic();
  });

  afterAll(async () => {
    await browser.close();
    await host.stop();
    dataDir.remove();
  });

  it('asks for the date of birth or phone besides the record number, and says so when they do not match', async () => {
    const form = await reception.fillRegistration(ingrid);
    await form.getByRole('button', { name: 'Register patient' }).click();
    await page.getByRole('heading', { name: 'Ingrid Solberg', level: 1 }).waitFor();
    const mrn = /RFC01-M\d+/.exec((await page.getByText(/RFC01-M\d+ · /).first().textContent()) ?? '')?.[0] ?? '';
    expect(mrn).toMatch(/^RFC01-M\d+$/);

    await page.getByRole('banner').getByRole('combobox', { name: 'Clinic' }).click();
    await page.getByRole('option', { name: 'Hillview Clinic (HVC01)' }).click();
    await page.getByRole('banner').locator('[value="Hillview Clinic (HVC01)"]').waitFor();

    const linkForm = await reception.linkByRecordNumber(mrn, { birthDate: '1979-11-04' });
    await linkForm.getByRole('alert').filter({ hasText: 'No patient matches that record number and date of birth or phone.' }).waitFor();
    await reception.linkByRecordNumber(mrn, { phone: '07700 900456' });
    await page.getByRole('heading', { name: 'Ingrid Solberg', level: 1 }).waitFor();
    await page.getByText('Ingrid Solberg is now a patient of this clinic too.').waitFor();
  });
});
