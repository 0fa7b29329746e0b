import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AdminPage } from './pages/AdminPage.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { ChangePasswordPage } from './pages/ChangePasswordPage.ts';
import { RolesDialog } from './pages/RolesDialog.ts';
import { chooseOption } from './pages/select.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { launchChromium } from './support/browser.ts';

// The administration screen on the demo chain: roles per clinic, deactivation, password reset,
// clinic details, the audit log, and switching clinics.
describe('administration, end to end on the demo clinics', () => {
  const dataDir = makeTempDir('clinic-e2e-admin-');
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;
  let admin: AdminPage;

  beforeAll(async () => {
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path, '--demo']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(15_000);
    admin = new AdminPage(page);
    await page.goto(host.url);
    await new SignInPage(page).signIn('admin', 'demo-admin');
    await page.getByRole('button', { name: /Riverside Family Clinic \(RFC01\)/ }).click();
    await new AppShellPage(page).open('Administration');
  });

  afterAll(async () => {
    await browser.close();
    await host.stop();
    dataDir.remove();
  });

  it('gives a front-desk user a role in the second clinic', async () => {
    await admin.userAction('Sofia Lindqvist', 'Roles');
    const roles = new RolesDialog(page, 'Sofia Lindqvist');
    await roles.role('Hillview Clinic (HVC01)', 'Front desk').check();
    await roles.save();
    await admin.users.row('Sofia Lindqvist').getByText('Front desk · HVC01').waitFor();
  });

  it('gives the doctor the Administrator role beside Doctor, who then administers, and takes it back alone (issue 33)', async () => {
    await admin.userAction('Dr. Rahul Mehta', 'Roles');
    const roles = new RolesDialog(page, 'Dr. Rahul Mehta');
    expect(await roles.held('Riverside Family Clinic (RFC01)')).toEqual(['Doctor']);
    await roles.toggleByKeyboard('Riverside Family Clinic (RFC01)', 'Administrator');
    await roles.save();
    const row = admin.users.row('Dr. Rahul Mehta');
    await row.getByText('Administrator · Doctor · RFC01').waitFor();
    await row.getByText('Doctor · HVC01', { exact: true }).waitFor();

    // The doctor, signed in at Riverside, now has the administration section too.
    const shell = new AppShellPage(page);
    await shell.signOut();
    await new SignInPage(page).signIn('doctor', 'demo-doctor');
    await page.getByRole('button', { name: /Riverside Family Clinic \(RFC01\)/ }).click();
    await shell.signedInAs().getByText('Dr. Rahul Mehta · Administrator · Doctor').waitFor();
    await shell.open('Administration');
    await shell.signOut();
    await new SignInPage(page).signIn('admin', 'demo-admin');
    await page.getByRole('button', { name: /Riverside Family Clinic \(RFC01\)/ }).click();
    await shell.open('Administration');

    await admin.userAction('Dr. Rahul Mehta', 'Roles');
    expect(await roles.held('Riverside Family Clinic (RFC01)')).toEqual(['Administrator', 'Doctor']);
    await roles.toggleByKeyboard('Riverside Family Clinic (RFC01)', 'Administrator');
    await roles.save();
    await row.getByText('Doctor · RFC01', { exact: true }).waitFor();
  });

  it('deactivates and reactivates a user', async () => {
    await admin.userAction('Kenji Watanabe', 'Deactivate');
    await admin.users.row('Kenji Watanabe').getByText('Deactivated').waitFor();
    await admin.userAction('Kenji Watanabe', 'Activate');
    await admin.users.row('Kenji Watanabe').getByText('Active', { exact: true }).waitFor();
  });

  it('resets a password, which the user must then replace', async () => {
    await admin.userAction('Dr. Rahul Mehta', 'Reset password');
    const dialog = admin.dialog(/Reset the password of Dr. Rahul Mehta/);
    await dialog.getByRole('textbox', { name: 'New temporary password' }).fill('reset-by-admin');
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin.users.row('Dr. Rahul Mehta').getByText('Must change password').waitFor();
  });

  it('renames the clinic, and says in words what a field needs', async () => {
    await admin.openTab('Clinic details');
    const form = page.getByRole('form', { name: 'Clinic details' });
    await form.getByRole('textbox', { name: 'Clinic name' }).fill('Riverside Health Centre');
    await form.getByRole('button', { name: 'Save clinic details' }).click();
    await page.getByText('Clinic details saved.').waitFor();
    await page.getByRole('banner').getByRole('combobox', { name: 'Clinic' }).and(page.locator('[value="Riverside Health Centre (RFC01)"]')).waitFor();

    await form.getByRole('textbox', { name: 'Clinic name' }).fill('');
    await form.getByRole('button', { name: 'Save clinic details' }).click();
    await form.getByText('Clinic name is required').waitFor();
  });

  it('shows the audit log, filtered by who and what', async () => {
    await admin.openTab('Audit log');
    const table = page.getByRole('table', { name: 'Audit log' });
    await table.waitFor();
    await chooseOption(page, 'Who', 'Amara Okafor');
    await chooseOption(page, 'Action', 'Edited the clinic details');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 10_000 }).toBe(1);
    const row = table.getByRole('row').nth(1);
    expect(await row.textContent()).toContain('Amara Okafor');
    expect(await row.textContent()).toContain('fields: name');
  });

  it('offers an administrator of one clinic only the roles of someone who also works in another', async () => {
    await admin.openTab('Users');
    await admin.users.createUser({ fullName: 'Rhea Ford', username: 'rfcadmin', password: 'rhea-temporary', role: 'Administrator' });
    await new AppShellPage(page).signOut();
    await new SignInPage(page).signIn('rfcadmin', 'rhea-temporary');
    await new ChangePasswordPage(page).change('rhea-temporary', 'rhea-own-password');
    await new AppShellPage(page).open('Administration');

    // Dr. Mehta also works in Hillview, which Rhea does not administer: his account is not hers to change.
    const doctorRow = admin.users.row('Dr. Rahul Mehta');
    await doctorRow.getByText('Also works in a clinic you do not administer: you can change only the roles here.').waitFor();
    expect(await admin.userActions('Dr. Rahul Mehta')).toEqual(['Roles']);
    await page.keyboard.press('Escape');
    expect(await admin.userActions('Kenji Watanabe')).toEqual(['Edit details', 'Roles', 'Reset password', 'Deactivate']);
    await page.keyboard.press('Escape');
    expect(await admin.users.row('Kenji Watanabe').getByText('you can change only the roles here').count()).toBe(0);

    await new AppShellPage(page).signOut();
    await new SignInPage(page).signIn('admin', 'demo-admin');
    await page.getByRole('button', { name: /Riverside Health Centre \(RFC01\)/ }).click();
    await new AppShellPage(page).open('Administration');
  });

  it('switches to the other clinic from the header', async () => {
    await page.getByRole('banner').getByRole('combobox', { name: 'Clinic' }).click();
    await page.getByRole('option', { name: 'Hillview Clinic (HVC01)' }).click();
    await page.getByRole('banner').locator('[value="Hillview Clinic (HVC01)"]').waitFor();
    await admin.openTab('Clinic details');
    expect(await page.getByRole('form', { name: 'Clinic details' }).getByRole('textbox', { name: 'Clinic code' }).inputValue()).toBe('HVC01');
  });
});
