import type { Locator, Page } from 'playwright-core';

/** One patient's record: the heading, the allergy banner, and its merge dialog. */
export class PatientRecordPage {
  constructor(private readonly page: Page) {}

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name, level: 1 });
  }

  allergies(): Locator {
    return this.page.getByRole('region', { name: 'Allergies' });
  }

  mergeDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Merge / });
  }

  /** Opens "Merge…" and picks the other record by a search for it. */
  async startMergeWith(query: string, optionName: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = this.mergeDialog();
    await dialog.getByRole('textbox', { name: 'The other record of this person' }).fill(query);
    await dialog.getByRole('button', { name: `Choose ${optionName}` }).click();
    return dialog;
  }

  /** The side-by-side comparison of the two records. */
  comparison(): Locator {
    return this.mergeDialog().getByRole('table', { name: 'The two records side by side' });
  }

  /** A row of the comparison by its label ("Date of birth"), and whether it is marked as differing. */
  comparisonRow(label: string): Locator {
    return this.comparison().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }
}
