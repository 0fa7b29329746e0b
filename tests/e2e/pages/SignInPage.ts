import type { Locator, Page } from 'playwright-core';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(username: string, password: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Sign in' });
    await form.getByRole('textbox', { name: 'Username' }).fill(username);
    await form.getByRole('textbox', { name: 'Password' }).fill(password);
    await form.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The refusal shown after a failed attempt. */
  failure(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /./ });
  }

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }
}
