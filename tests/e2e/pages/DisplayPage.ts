import type { Locator, Page } from 'playwright-core';

export class DisplayPage {
  constructor(private readonly page: Page) {}

  called(): Locator {
    return this.page.getByRole('region', { name: 'Called' });
  }

  waiting(): Locator {
    return this.page.getByRole('region', { name: 'Waiting' });
  }
}
