import type { Page } from 'playwright-core';

/** Picks an option of a searchable select by typing part of it, as a keyboard user would. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(option);
  await page.getByRole('option', { name: option }).first().click();
}
