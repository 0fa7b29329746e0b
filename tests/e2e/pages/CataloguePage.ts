import type { Page } from 'playwright-core';

/** Pharmacy → Catalogue: finding a product by part of a name and opening it. */
export class CataloguePage {
  constructor(private readonly page: Page) {}

  async find(query: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Find a product' }).fill(query);
    await this.page.getByRole('table', { name: 'Products found' }).waitFor();
  }

  async choose(text: string | RegExp): Promise<void> {
    await this.page.getByRole('table', { name: 'Products found' }).getByRole('button', { name: text }).first().click();
    await this.page.getByRole('table', { name: /^Details of / }).waitFor();
  }
}
