import type { Locator, Page } from 'playwright-core';
import { roleLabels, roles } from '#shared/domain/roles.ts';

/** The Users screen's roles dialog: a group of role ticks per clinic the administrator manages. */
export class RolesDialog {
  readonly dialog: Locator;

  constructor(
    private readonly page: Page,
    fullName: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: `Roles of ${fullName}` });
  }

  role(clinic: string, role: string): Locator {
    return this.dialog.getByRole('group', { name: clinic }).getByRole('checkbox', { name: role, exact: true });
  }

  /** The ticked roles of a clinic, by their labels, in the order shown. */
  async held(clinic: string): Promise<string[]> {
    const held: string[] = [];
    for (const role of roles) if (await this.role(clinic, roleLabels[role]).isChecked()) held.push(roleLabels[role]);
    return held;
  }

  /** Ticks or clears one role by the keyboard: focus it, then Space, as a person without a mouse would. */
  async toggleByKeyboard(clinic: string, role: string): Promise<void> {
    await this.role(clinic, role).focus();
    await this.page.keyboard.press('Space');
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Save roles' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
