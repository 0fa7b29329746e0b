import type { Page } from 'playwright-core';

export class ChangePasswordPage {
  constructor(private readonly page: Page) {}

  async change(current: string, next: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Choose a new password' });
    await form.waitFor();
    await form.getByRole('textbox', { name: 'Current password' }).fill(current);
    await form.getByRole('textbox', { name: 'New password' }).fill(next);
    await form.getByRole('button', { name: 'Save new password' }).click();
  }
}
