import type { Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage.ts';

/** The Pharmacy section's Stock tab and its views. */
export class StockPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShellPage(this.page).open('Pharmacy');
    await this.page.getByRole('tab', { name: 'Stock', exact: true }).click();
  }

  async openView(name: 'Alerts' | 'Batches' | 'Receive goods' | 'Stock count'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  table(name: string): Locator {
    return this.page.getByRole('table', { name });
  }

  /** Types text as a keyboard-wedge scanner does: one key every `gapMs`, then Enter. */
  async scan(text: string, gapMs = 10): Promise<void> {
    const parts = text.split('\u001d');
    for (const [index, part] of parts.entries()) {
      if (index > 0) await this.page.keyboard.press('Control+BracketRight', { delay: gapMs });
      await this.page.keyboard.type(part, { delay: gapMs });
    }
    await this.page.keyboard.press('Enter');
  }
}
