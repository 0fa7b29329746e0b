import type { Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage.ts';

export type FileToAttach = { readonly name: string; readonly mimeType: string; readonly buffer: Buffer };

/** A patient's documents: the chart's section, its attach dialog and its viewer. */
export class DocumentsPage {
  constructor(private readonly page: Page) {}

  /** Opens the chart of the first patient a search finds, from the doctor's Patient charts tab. */
  async openChartOfSomePatient(search = 'a'): Promise<void> {
    await new AppShellPage(this.page).open('Consultation');
    await this.page.getByRole('tab', { name: 'Patient charts' }).click();
    await this.page.getByRole('tabpanel').getByRole('textbox', { name: 'Patient' }).fill(search);
    await this.page.getByRole('button', { name: /^Choose / }).first().click();
    await this.section().waitFor();
  }

  section(name = 'Documents'): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  table(name = 'Documents'): Locator {
    return this.section(name).getByRole('table', { name, exact: true });
  }

  attachDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Attach a document/ });
  }

  async openAttach(section = 'Documents'): Promise<void> {
    await this.section(section).getByRole('button', { name: 'Attach a document' }).click();
    await this.attachDialog().waitFor();
  }

  /** Fills the attach dialog and attaches: the file, its type, date and title. */
  async attach(file: FileToAttach, details: { type: string; date: string; title: string }, section = 'Documents'): Promise<void> {
    await this.openAttach(section);
    const dialog = this.attachDialog();
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await dialog.getByRole('combobox', { name: 'Type' }).click();
    await this.page.getByRole('option', { name: details.type, exact: true }).click();
    await dialog.getByLabel('Document date').fill(details.date);
    await dialog.getByRole('textbox', { name: 'Title' }).fill(details.title);
    await dialog.getByRole('button', { name: 'Attach', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  viewer(name: RegExp | string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  async view(title: string, section = 'Documents'): Promise<Locator> {
    await this.section(section).getByRole('button', { name: `View ${title}` }).click();
    const dialog = this.page.getByRole('dialog', { name: new RegExp(`: ${title}$`) });
    await dialog.waitFor();
    return dialog;
  }
}
