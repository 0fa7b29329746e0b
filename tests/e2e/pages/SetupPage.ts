import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './select.ts';

export type ClinicInput = { code: string; name: string; country: string; city: string; currency: string; timeZone: string };
export type AccountInput = { fullName: string; username: string; password: string };

export class SetupPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Set up Clinic Desk' }).waitFor();
  }

  /** A new workstation joins a clinic through the hub; the loading screen follows. */
  async joinClinic(hubUrl: string, code: string): Promise<void> {
    await this.page.getByRole('tab', { name: 'Join an existing clinic' }).click();
    const form = this.page.getByRole('form', { name: 'Join an existing clinic' });
    await form.getByRole('textbox', { name: 'Hub address' }).fill(hubUrl);
    await form.getByRole('textbox', { name: 'Join code' }).fill(code);
    await form.getByRole('button', { name: 'Join clinic' }).click();
  }

  joinProgress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Loading the clinic' });
  }

  async createClinic(clinic: ClinicInput, admin: AccountInput): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Set up the clinic' });
    await form.getByRole('textbox', { name: 'Clinic code' }).fill(clinic.code);
    await form.getByRole('textbox', { name: 'Clinic name' }).fill(clinic.name);
    await chooseOption(this.page, 'Country', clinic.country);
    await form.getByRole('textbox', { name: 'City' }).fill(clinic.city);
    await chooseOption(this.page, 'Currency', clinic.currency);
    await chooseOption(this.page, 'Time zone', clinic.timeZone);
    await form.getByRole('textbox', { name: 'Full name' }).fill(admin.fullName);
    await form.getByRole('textbox', { name: 'Username' }).fill(admin.username);
    await form.getByRole('textbox', { name: 'Password' }).fill(admin.password);
    await form.getByRole('button', { name: 'Create clinic' }).click();
  }

  /** Picks the country only, leaving the fields that follow from it as the form fills them. */
  async chooseCountry(country: string): Promise<void> {
    await chooseOption(this.page, 'Country', country);
  }

  /** What a select of the clinic form shows, e.g. the currency filled from the country. */
  shownValue(label: 'Country' | 'Currency' | 'Time zone'): Promise<string> {
    return this.page.getByRole('form', { name: 'Set up the clinic' }).getByRole('combobox', { name: label, exact: true }).inputValue();
  }
}
