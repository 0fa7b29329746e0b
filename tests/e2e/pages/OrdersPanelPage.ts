import type { Locator, Page } from 'playwright-core';

/** The encounter screen's lab and imaging orders, and the chart's results over time. */
export class OrdersPanelPage {
  constructor(private readonly page: Page) {}

  panel(): Locator {
    return this.page.getByRole('region', { name: 'Lab and imaging orders' });
  }

  orders(): Locator {
    return this.panel().getByRole('table', { name: 'Orders of this visit' });
  }

  /** Types words of a test, takes the first one offered with the arrow and Enter. */
  async chooseTest(typed: string, offered: string | RegExp): Promise<void> {
    const field = this.panel().getByRole('combobox', { name: 'Tests to order' });
    await field.focus();
    await field.pressSequentially(typed);
    await this.page.getByRole('option', { name: offered }).first().waitFor();
    await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    await field.fill('');
  }

  async order(urgency: 'Routine' | 'Urgent' | 'Immediately (STAT)', note: string): Promise<void> {
    await this.panel().getByRole('combobox', { name: 'Urgency' }).click();
    await this.page.getByRole('option', { name: urgency }).click();
    await this.panel().getByRole('textbox', { name: 'Clinical note for the lab' }).fill(note);
    await this.panel().getByRole('button', { name: 'Order', exact: true }).click();
  }

  row(testName: string): Locator {
    return this.orders().getByRole('row').filter({ hasText: testName });
  }

  resultsDialog(testName: string): Locator {
    return this.page.getByRole('dialog', { name: `Results of ${testName}` });
  }

  async openResults(testName: string): Promise<Locator> {
    await this.panel().getByRole('button', { name: `Results… (${testName})` }).click();
    const dialog = this.resultsDialog(testName);
    await dialog.waitFor();
    return dialog;
  }

  resultsOverTime(): Locator {
    return this.page.getByRole('region', { name: 'Results over time' }).getByRole('table', { name: 'Results by date' });
  }
}
