import type { Locator, Page } from 'playwright-core';
import { UsersPage } from './UsersPage.ts';

/** The administration screen's tabs and the dialogs its user rows open. */
export class AdminPage {
  readonly users: UsersPage;

  constructor(private readonly page: Page) {
    this.users = new UsersPage(page);
  }

  async openTab(name: 'Users' | 'Clinic details' | 'Audit log' | 'Diagnosis codes'): Promise<void> {
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

  auditLog(): Locator {
    return this.page.getByRole('table', { name: 'Audit log' });
  }

  /** The texts of one column of the audit log, row by row. */
  async auditColumn(column: 'When' | 'Who' | 'Action' | 'Outcome' | 'About' | 'Workstation' | 'Detail'): Promise<string[]> {
    const headers = (await this.auditLog().getByRole('columnheader').allTextContents()).map((text) => text.trim());
    const index = headers.indexOf(column);
    // As a person reads it: the screen keeps "walk-in" whole with a non-breaking hyphen.
    return (await this.auditLog().locator(`tbody tr td:nth-child(${index + 1})`).allTextContents()).map((text) => text.trim().replaceAll('\u2011', '-'));
  }

  /** How many outcome badges of the audit log show less than their whole word. */
  async cutOutcomeBadges(): Promise<number> {
    const cut: unknown = await this.page.evaluate(
      `[...document.querySelectorAll('table[aria-label="Audit log"] .mantine-Badge-root, table[aria-label="Audit log"] .mantine-Badge-label')].filter((element) => element.scrollWidth > element.clientWidth).length`,
    );
    return typeof cut === 'number' ? cut : Number.NaN;
  }
}
