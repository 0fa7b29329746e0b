import type { Locator, Page } from 'playwright-core';
import { UsersPage } from './UsersPage.ts';

/** The administration screen's tabs and the dialogs its user rows open. */
export class AdminPage {
  readonly users: UsersPage;

  constructor(private readonly page: Page) {
    this.users = new UsersPage(page);
  }

  async openTab(name: 'Users' | 'Clinic details' | 'Audit log'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async userAction(fullName: string, action: string): Promise<void> {
    const button = this.page.getByRole('button', { name: `Actions for ${fullName}` });
    await button.click();
    // The menu this button controls: another row's menu may still be closing.
    const menuId = await button.getAttribute('aria-controls');
    await this.page.locator(`[id="${menuId ?? ''}"]`).getByRole('menuitem', { name: action }).click();
  }

  /** Opens a user's actions menu and names what it offers; the menu stays open. */
  async userActions(fullName: string): Promise<string[]> {
    const button = this.page.getByRole('button', { name: `Actions for ${fullName}` });
    await button.click();
    const menu = this.page.locator(`[id="${(await button.getAttribute('aria-controls')) ?? ''}"]`);
    await menu.getByRole('menuitem').first().waitFor();
    return (await menu.getByRole('menuitem').allTextContents()).map((text) => text.trim());
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  async chooseInDialog(dialog: Locator, field: string, option: string): Promise<void> {
    await dialog.getByRole('combobox', { name: field }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }
}
