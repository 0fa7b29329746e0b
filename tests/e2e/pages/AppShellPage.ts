import type { Locator, Page } from 'playwright-core';

export class AppShellPage {
  constructor(private readonly page: Page) {}

  sections(): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' });
  }

  async open(section: string): Promise<void> {
    await this.sections().getByRole('button', { name: section }).click();
    await this.page.getByRole('heading', { name: section, level: 1 }).waitFor();
  }

  signedInAs(): Locator {
    return this.page.getByLabel('Signed in as');
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await this.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  async waitUntilShown(): Promise<void> {
    await this.sections().waitFor();
  }
}
