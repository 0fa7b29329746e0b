import type { Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage.ts';

/** The Pharmacy section's Dispense and Controlled register tabs. */
export class DispensePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShellPage(this.page).open('Pharmacy');
    await this.page.getByRole('tab', { name: 'Dispense', exact: true }).click();
    await this.page.getByRole('textbox', { name: 'Prescription reference' }).waitFor();
  }

  async openRegister(): Promise<void> {
    await new AppShellPage(this.page).open('Pharmacy');
    await this.page.getByRole('tab', { name: 'Controlled register', exact: true }).click();
  }

  /** Types text as a keyboard-wedge scanner does: one key every `gapMs`, then Enter. */
  async scan(text: string, gapMs = 10): Promise<void> {
    await this.page.keyboard.type(text, { delay: gapMs });
    await this.page.keyboard.press('Enter');
  }

  lines(): Locator {
    return this.page.getByRole('table', { name: 'Prescribed medicines' });
  }

  line(medicine: RegExp): Locator {
    return this.lines().getByRole('row').filter({ hasText: medicine });
  }

  stop(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /^Stop:/ });
  }
}
