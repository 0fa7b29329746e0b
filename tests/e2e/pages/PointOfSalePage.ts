import type { Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage.ts';

/** The Pharmacy section's counter: the Point of sale and Returns tabs. */
export class PointOfSalePage {
  constructor(private readonly page: Page) {}

  async open(tab: 'Point of sale' | 'Returns' = 'Point of sale'): Promise<void> {
    await new AppShellPage(this.page).open('Pharmacy');
    await this.page.getByRole('tab', { name: tab, exact: true }).click();
  }

  search(): Locator {
    return this.page.getByRole('combobox', { name: 'Scan, type a code, or search a product' });
  }

  cart(): Locator {
    return this.page.getByRole('table', { name: 'Cart' });
  }

  totals(): Locator {
    return this.page.getByRole('region', { name: 'Totals' });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
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

  /** The receipt PDF as the core sent it to the screen: its first bytes and the text its operators write. */
  static receiptOf(body: unknown): { head: string; text: string; receiptNumber: string } {
    const result = (body as { result: { pdfBase64: string; receiptNumber: string } }).result;
    const raw = Buffer.from(result.pdfBase64, 'base64').toString('latin1');
    const text = [...raw.matchAll(/<([0-9a-f]+)>/g)].map((match) => Buffer.from(match[1] ?? '', 'hex').toString('latin1')).join('');
    return { head: raw.slice(0, 5), text: text.replace(/\s+/g, ' '), receiptNumber: result.receiptNumber };
  }
}
