import type { Locator, Page } from 'playwright-core';

export class UsersPage {
  constructor(private readonly page: Page) {}

  table(): Locator {
    return this.page.getByRole('table', { name: 'Users' });
  }

  row(fullName: string): Locator {
    return this.table().getByRole('row').filter({ hasText: fullName });
  }

  async openNewUserForm(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'New user' }).click();
    const form = this.page.getByRole('form', { name: 'New user' });
    await form.waitFor();
    return form;
  }

  async createUser(user: { fullName: string; username: string; password: string; role: string }): Promise<void> {
    const form = await this.openNewUserForm();
    await form.getByRole('textbox', { name: 'Full name' }).fill(user.fullName);
    await form.getByRole('textbox', { name: 'Username' }).fill(user.username);
    await form.getByRole('textbox', { name: 'Temporary password' }).fill(user.password);
    await form.getByRole('combobox', { name: 'Role in this clinic' }).click();
    await this.page.getByRole('option', { name: user.role, exact: true }).click();
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.waitFor({ state: 'detached' });
    await this.row(user.fullName).waitFor();
  }
}
