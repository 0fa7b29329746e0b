import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { ChangePasswordPage } from './pages/ChangePasswordPage.ts';
import { LockPage } from './pages/LockPage.ts';
import { SetupPage } from './pages/SetupPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { UsersPage } from './pages/UsersPage.ts';
import { launchChromium } from './support/browser.ts';

const admin = { fullName: 'Ada Admin', username: 'ada', password: 'correct horse battery' };
const doctor = { fullName: 'Dr. Jo Bell', username: 'jbell', password: 'first-temporary', role: 'Doctor' };
const doctorOwnPassword = 'jo chose this one';

// One story, in order, as a new clinic lives it: each step builds on the one before.
describe('foundation, end to end in Chromium against the web host', () => {
  const dataDir = makeTempDir('clinic-e2e-');
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(15_000);
    // The page's clock is ours to move, so the idle lock can be shown without waiting fifteen minutes.
    await page.clock.install();
    await page.goto(host.url);
  });

  afterAll(async () => {
    await browser.close();
    await host.stop();
    dataDir.remove();
  });

  it('sets up the clinic and its administrator on first run', async () => {
    const setup = new SetupPage(page);
    await setup.waitUntilShown();
    await setup.createClinic(
      { code: 'rfc01', name: 'Riverside Family Clinic', country: 'United Kingdom', city: 'Bristol', currency: 'GBP', timeZone: 'Europe/London' },
      admin,
    );
    const shell = new AppShellPage(page);
    await shell.waitUntilShown();
    expect(await page.getByRole('banner').textContent()).toContain('Riverside Family Clinic');
    expect(await shell.signedInAs().textContent()).toBe('Ada Admin · Administrator');
    expect(await page.getByRole('status', { name: /Sync status/ }).textContent()).toBe('Local only');
  });

  it('creates a doctor from the administration screen', async () => {
    const shell = new AppShellPage(page);
    await shell.open('Administration');
    const users = new UsersPage(page);
    await users.createUser(doctor);
    expect(await users.row(doctor.fullName).textContent()).toContain('Must change password');
  });

  it('shows every field’s error in words before anything is sent', async () => {
    const users = new UsersPage(page);
    const form = await users.openNewUserForm();
    await form.getByRole('textbox', { name: 'Username' }).fill('x');
    await form.getByRole('textbox', { name: 'Temporary password' }).fill('short');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByText('Full name is required').waitFor();
    await form.getByText('Username must be at least 3 characters').waitFor();
    await form.getByText('Password must be at least 8 characters').waitFor();
  });

  it('locks the idle screen and keeps the unsaved form behind the lock', async () => {
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByRole('textbox', { name: 'Full name' }).fill('Half typed name');
    await page.clock.fastForward('16:00');
    const lock = new LockPage(page);
    await lock.waitUntilLocked();
    await lock.unlock(admin.password);
    expect(await form.getByRole('textbox', { name: 'Full name' }).inputValue()).toBe('Half typed name');
    await page.getByRole('dialog', { name: 'New user' }).getByRole('button', { name: 'Cancel' }).click();
  });

  it('signs out, and the doctor signs in and chooses a password', async () => {
    await new AppShellPage(page).signOut();
    await new SignInPage(page).signIn(doctor.username, doctor.password);
    await new ChangePasswordPage(page).change(doctor.password, doctorOwnPassword);
    const shell = new AppShellPage(page);
    await shell.waitUntilShown();
    expect(await shell.signedInAs().textContent()).toBe('Dr. Jo Bell · Doctor');
  });

  it('refuses administration to the doctor', async () => {
    const shell = new AppShellPage(page);
    expect(await shell.sections().getByRole('button').allTextContents()).not.toContain('Administration');
    await page.goto(`${host.url}/#/administration/users`);
    const refusal = page.getByRole('alert').filter({ hasText: 'You cannot open Administration' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Your role (Doctor) does not allow this.');
    expect(await page.getByRole('table', { name: 'Users' }).count()).toBe(0);
  });

  it('locks the account after five wrong passwords', async () => {
    await new AppShellPage(page).signOut();
    const signIn = new SignInPage(page);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await signIn.signIn(doctor.username, `wrong guess ${attempt}`);
      await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    }
    await signIn.signIn(doctor.username, 'wrong guess 5');
    await page.getByRole('alert').filter({ hasText: 'locked after too many failed sign-ins' }).waitFor();
    await signIn.signIn(doctor.username, doctorOwnPassword);
    await page.getByRole('alert').filter({ hasText: 'Try again in 15 minutes' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);
  });
});
