import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { PatientFormPage } from './pages/PatientFormPage.ts';
import { PatientRecordPage } from './pages/PatientRecordPage.ts';
import { ReceptionPage } from './pages/ReceptionPage.ts';
import { SetupPage } from './pages/SetupPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { launchChromium } from './support/browser.ts';

// Issue 33, safe data entry at the front desk: what a receptionist types is kept, refused in
// words, or asked about; never invented or lost. One browser for the file; a new clinic (for
// setup and sign-in) and the demo chain (for merge and the clinic switch), each on its own host.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  return page;
}

describe('a new clinic’s front desk: setup, sign-in and registration', () => {
  const dataDir = makeTempDir('clinic-e2e-entry-');
  const admin = { fullName: 'Ada Admin', username: 'ada', password: 'correct horse battery' };
  let host: StartedProcess;
  let page: Page;
  let patientForm: PatientFormPage;
  let record: PatientRecordPage;

  beforeAll(async () => {
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path]);
    page = await openPage(host.url);
    patientForm = new PatientFormPage(page);
    record = new PatientRecordPage(page);
  });

  afterAll(async () => {
    await host.stop();
    dataDir.remove();
  });

  it('fills the currency and time zone from the country, and lets them be changed', async () => {
    const setup = new SetupPage(page);
    await setup.waitUntilShown();
    await setup.chooseCountry('United Kingdom');
    expect(await setup.shownValue('Currency')).toMatch(/^GBP/);
    expect(await setup.shownValue('Time zone')).toBe('Europe/London');
    await setup.chooseCountry('Japan');
    expect(await setup.shownValue('Currency')).toMatch(/^JPY/);
    expect(await setup.shownValue('Time zone')).toBe('Asia/Tokyo');
    // Back to the United Kingdom, then a currency and zone of the person's own choosing.
    await setup.createClinic({ code: 'RFC01', name: 'Riverside Family Clinic', country: 'United Kingdom', city: 'Bristol', currency: 'EUR', timeZone: 'Europe/Dublin' }, admin);
    await new AppShellPage(page).waitUntilShown();
  });

  it('replaces "Wrong username or password" when the next attempt fails for another reason', async () => {
    await new AppShellPage(page).signOut();
    const signIn = new SignInPage(page);
    await signIn.signIn(admin.username, 'not the password');
    await signIn.failure().filter({ hasText: 'Wrong username or password' }).waitFor();
    await signIn.signIn('', '');
    await page.getByText('Username is required').waitFor();
    expect(await page.getByText('Wrong username or password').count()).toBe(0);
    await signIn.signIn(admin.username, admin.password);
    await new AppShellPage(page).waitUntilShown();
  });

  it('refuses a date of birth in the future and says an empty one is required, in the field’s own format', async () => {
    await patientForm.open();
    const birthDate = patientForm.birthDate();
    expect(await birthDate.getAttribute('required')).not.toBeNull();
    expect(await birthDate.getAttribute('placeholder')).toBe('DD/MM/YYYY');
    await patientForm.fillNames('Future', 'Child', 'Female');
    await patientForm.submit();
    expect(await patientForm.errorOf(birthDate)).toBe('Date of birth is required');
    await birthDate.fill('01/01/2031');
    await patientForm.submit();
    await patientForm.form().getByText('Date of birth cannot be in the future').waitFor();
    await birthDate.fill('31/02/1990');
    await patientForm.submit();
    await patientForm.form().getByText('Not a real date (use DD/MM/YYYY)').waitFor();
    expect(await patientForm.form().isVisible()).toBe(true);
  });

  it('asks before Escape or the close button throw away a half-filled registration', async () => {
    await page.keyboard.press('Escape');
    const question = patientForm.discardQuestion();
    await question.waitFor();
    await question.getByRole('button', { name: 'Keep editing' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await patientForm.field('Given name').inputValue()).toBe('Future');
    await patientForm.dialog().getByRole('button', { name: 'Close' }).click();
    await question.getByRole('button', { name: 'Discard' }).click();
    await patientForm.form().waitFor({ state: 'detached' });
  });

  it('moves on with one Tab after a typed date, and keeps the phone typed next', async () => {
    await patientForm.open();
    await patientForm.fillNames('Priya', 'Sharma', 'Female');
    await patientForm.birthDate().focus();
    await page.keyboard.type('12/04/1988');
    await page.keyboard.press('Tab');
    expect(await patientForm.hasFocus(patientForm.field('Phone'))).toBe(true);
    await page.keyboard.type('07700 900123');
    await patientForm.submit();
    await record.heading('Priya Sharma').waitFor();
    expect(await page.getByText('07700 900123').count()).toBeGreaterThan(0);
    expect(await page.getByText(/born .*1988/).count()).toBe(1);
  });

  it('takes the "not saved" sentence away once the duplicate warning has gone', async () => {
    await patientForm.open();
    await patientForm.fillNames('Someone', 'Else', 'Male');
    await patientForm.birthDate().fill('01/01/1970');
    await patientForm.field('Phone').fill('07700 900123');
    const warning = patientForm.form().getByRole('alert').filter({ hasText: 'This may be the same person' });
    await warning.waitFor();
    await patientForm.submit();
    await patientForm.failure().filter({ hasText: 'Check the possible duplicates' }).waitFor();
    await patientForm.field('Phone').fill('07700 900999');
    await warning.waitFor({ state: 'detached' });
    expect(await patientForm.failure().count()).toBe(0);
    await patientForm.submit();
    await record.heading('Someone Else').waitFor();
  });

  it('shows allergies as not recorded, as a dated statement of none known, or as the list in red', async () => {
    // Priya was registered without an answer about allergies.
    await new ReceptionPage(page).openFirstResult('Priya Sharma', /^Priya Sharma.*RFC01-M1001/);
    await record.heading('Priya Sharma').waitFor();
    expect(await record.allergies().textContent()).toContain('Allergies not recorded');
    expect(await record.allergies().textContent()).not.toContain('No known allergies');

    await patientForm.open();
    await patientForm.fillNames('Tom', 'Baker', 'Male');
    await patientForm.birthDate().fill('01/06/1950');
    await patientForm.answerAllergies('No known allergies');
    await patientForm.submit();
    await record.heading('Tom Baker').waitFor();
    expect(await record.allergies().textContent()).toMatch(/^No known allergies \(stated by Ada Admin on .+\)$/);

    await patientForm.open();
    await patientForm.fillNames('Ann', 'Lee', 'Female');
    await patientForm.birthDate().fill('02/02/1962');
    await patientForm.answerAllergies('Has allergies');
    await patientForm.submit();
    await patientForm.form().getByText('Add at least one allergy, or choose another answer').waitFor();
    await patientForm.answerAllergies('Has allergies', ['Penicillin']);
    await patientForm.submit();
    await record.heading('Ann Lee').waitFor();
    // Red: a strong red channel over weak green and blue, whatever shade the theme picks.
    await record.allergies().getByText(/Penicillin/).waitFor();
    const background = await page.evaluate<string>('getComputedStyle(document.querySelector("[data-allergy]")).backgroundColor');
    const [red, green, blue] = (background.match(/\d+/g) ?? []).map(Number);
    expect(red).toBeGreaterThan(150);
    expect(Math.max(green ?? 255, blue ?? 255)).toBeLessThan(110);
  });
});

describe('the demo chain’s front desk: merging and switching clinics', () => {
  const dataDir = makeTempDir('clinic-e2e-entry-demo-');
  let host: StartedProcess;
  let page: Page;
  let reception: ReceptionPage;
  let record: PatientRecordPage;

  beforeAll(async () => {
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path, '--demo']);
    page = await openPage(host.url);
    reception = new ReceptionPage(page);
    record = new PatientRecordPage(page);
    await new SignInPage(page).signInToDemoClinic();
  });

  afterAll(async () => {
    await host.stop();
    dataDir.remove();
  });

  it('compares the two records side by side and asks for confirmation when name, sex and birth date all differ', async () => {
    for (const patient of [
      { givenName: 'Ingrid', familyName: 'Solberg', sex: 'Female' as const, birthDate: '1979-11-03', phone: '+44 7700 900456' },
      { givenName: 'Walter', familyName: 'Pym', sex: 'Male' as const, birthDate: '1944-02-29', phone: '+44 7700 900789' },
    ]) {
      const form = await reception.fillRegistration(patient);
      await form.getByRole('button', { name: 'Register patient' }).click();
      await record.heading(`${patient.givenName} ${patient.familyName}`).waitFor();
    }
    const dialog = await record.startMergeWith('Ingrid Solberg', 'Ingrid Solberg');
    await record.comparison().waitFor();
    for (const label of ['Name', 'Sex', 'Date of birth', 'Phone', 'Record number']) {
      expect(await record.comparisonRow(label).getAttribute('data-differs')).toBe('true');
    }
    expect(await record.comparisonRow('Name').textContent()).toContain('Walter Pym');
    expect(await record.comparisonRow('Name').textContent()).toContain('Ingrid Solberg');
    const mergeButton = dialog.getByRole('button', { name: 'Merge records' });
    await dialog.getByRole('alert').filter({ hasText: 'most likely two different people' }).waitFor();
    expect(await mergeButton.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: /same person/ }).check();
    expect(await mergeButton.isDisabled()).toBe(false);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('takes the other clinic’s record off the screen when the clinic is switched', async () => {
    await reception.openFirstResult('Ingrid Solberg', 'Ingrid Solberg');
    await record.heading('Ingrid Solberg').waitFor();
    await page.getByRole('banner').getByRole('combobox', { name: 'Clinic' }).click();
    await page.getByRole('option', { name: 'Hillview Clinic (HVC01)' }).click();
    await page.getByRole('banner').locator('[value="Hillview Clinic (HVC01)"]').waitFor();
    await record.heading('Ingrid Solberg').waitFor({ state: 'detached' });
    // Polled: a closing list can still hold the name for the length of its transition.
    await expect.poll(() => page.getByText('Solberg').count(), { timeout: 10_000 }).toBe(0);
  });
});
