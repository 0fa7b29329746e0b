import type { Locator, Page } from 'playwright-core';

/** The Sync screen: state, the hub link, join codes, conflicts. */
export class SyncPage {
  constructor(private readonly page: Page) {}

  /** Opens it the way a person does when the badge catches the eye. */
  async openFromBadge(): Promise<void> {
    await this.badge().getByRole('button').first().click();
    await this.page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();
  }

  badge(): Locator {
    return this.page.getByRole('status', { name: /^Sync status/ });
  }

  async badgeLabel(): Promise<string> {
    return (await this.badge().getAttribute('aria-label')) ?? '';
  }

  connectForm(): Locator {
    return this.page.getByRole('form', { name: 'Connect to a hub' });
  }

  async connect(hubUrl: string, code: string): Promise<void> {
    const form = this.connectForm();
    await form.getByRole('textbox', { name: 'Hub address' }).fill(hubUrl);
    await form.getByRole('textbox', { name: 'Enrolment code' }).fill(code);
    await form.getByRole('button', { name: 'Connect' }).click();
  }

  async createJoinCode(): Promise<string> {
    await this.page.getByRole('button', { name: 'Create a join code' }).click();
    const code = this.page.getByLabel('Join code', { exact: true });
    await code.waitFor();
    return (await code.textContent()) ?? '';
  }

  /** An administrator compares this workstation with the hub; returns what the screen then says of it. */
  async compareWithHub(): Promise<string> {
    const fact = this.page.getByLabel('Compared with the hub', { exact: true });
    const before = (await fact.textContent()) ?? '';
    await this.page.getByRole('button', { name: 'Compare with the hub' }).click();
    await fact.filter({ hasNotText: before }).waitFor();
    return (await fact.textContent()) ?? '';
  }

  conflicts(): Locator {
    return this.page.getByRole('region', { name: 'Conflicts' });
  }

  conflict(kind: string): Locator {
    return this.conflicts().getByRole('group', { name: new RegExp(`^${kind}`) });
  }
}
