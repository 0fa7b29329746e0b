import type { Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage.ts';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(username: string, password: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Sign in' });
    await form.getByRole('textbox', { name: 'Username' }).fill(username);
    await form.getByRole('textbox', { name: 'Password' }).fill(password);
    await form.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The demo's administrator, signed in to a clinic of the Riverside chain and at its first screen. */
  async signInToDemoClinic(clinic: RegExp = /Riverside Family Clinic \(RFC01\)/): Promise<void> {
    await this.signIn('admin', 'demo-admin');
    await this.page.getByRole('button', { name: clinic }).click();
    await new AppShellPage(this.page).waitUntilShown();
  }

  /** The refusal shown after a failed attempt. */
  failure(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /./ });
  }

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }
}
