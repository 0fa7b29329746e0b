import type { Page } from 'playwright-core';

export class LockPage {
  constructor(private readonly page: Page) {}

  async waitUntilLocked(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Screen locked' }).waitFor();
  }

  async unlock(password: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Unlock the screen' });
    await form.getByRole('textbox', { name: 'Password' }).fill(password);
    await form.getByRole('button', { name: 'Unlock' }).click();
    await this.page.getByRole('heading', { name: 'Screen locked' }).waitFor({ state: 'detached' });
  }
}
