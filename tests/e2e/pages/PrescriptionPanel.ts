import type { Locator, Page } from 'playwright-core';

/** The Prescriptions panel of the encounter screen and its dialogs. */
export class PrescriptionPanel {
  constructor(private readonly page: Page) {}

  panel(): Locator {
    return this.page.getByRole('region', { name: 'Prescriptions' });
  }

  form(): Locator {
    return this.page.getByRole('form', { name: 'Prescribe a medicine' });
  }

  lines(): Locator {
    return this.panel().getByRole('table', { name: 'Medicines prescribed' });
  }

  /** Types part of a name, takes `choice` from the products found, then fills the rest of the line as typed. */
  async fillLine(typed: string, choice: string, line: { frequency: string; days: string; instructions?: string }): Promise<void> {
    const form = this.form();
    await form.getByRole('textbox', { name: 'Medicine' }).fill(typed);
    await form.getByRole('button', { name: `Choose ${choice}` }).click();
    await form.getByRole('textbox', { name: 'Frequency' }).fill(line.frequency);
    await form.getByRole('textbox', { name: 'Days' }).fill(line.days);
    if (line.instructions !== undefined) await form.getByRole('textbox', { name: 'Instructions for the patient' }).fill(line.instructions);
  }

  overrideDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Override .*severe alert/ });
  }

  printDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Print prescription / });
  }
}
