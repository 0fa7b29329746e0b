import type { Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage.ts';
import { DiagnosisPickerField } from './DiagnosisPickerField.ts';

/** The doctor's room: the worklist, the encounter screen and the chart. */
export class ConsultationPage {
  constructor(private readonly page: Page) {}

  async openWorklist(): Promise<void> {
    await new AppShellPage(this.page).open('Consultation');
    await this.page.getByRole('tab', { name: 'Worklist' }).click();
    await this.worklist().waitFor();
  }

  worklist(): Locator {
    return this.page.getByRole('listbox', { name: 'My queue today' });
  }

  /** The patient's name as the banner shows it, once the encounter screen is open. */
  banner(): Locator {
    return this.page.getByRole('region', { name: 'Patient' });
  }

  vitalsForm(): Locator {
    return this.page.getByRole('form', { name: 'Record vitals' });
  }

  async recordVital(label: RegExp, value: string): Promise<void> {
    const field = this.vitalsForm().getByRole('textbox', { name: label });
    await field.fill(value);
    await field.press('Tab');
  }

  noteField(part: 'Subjective' | 'Objective' | 'Assessment' | 'Plan'): Locator {
    return this.page.getByRole('region', { name: 'Note' }).getByRole('textbox', { name: part, exact: true });
  }

  /** Types words of a diagnosis, waits for `code` to head the codes found, and takes it with Enter. */
  async addDiagnosis(typed: string, code: string): Promise<void> {
    await new DiagnosisPickerField(this.page, 'Add a diagnosis (ICD-10)').pickByKeyboard(typed, code);
    await this.page.getByRole('table', { name: 'Diagnoses' }).getByRole('cell', { name: code, exact: true }).waitFor();
  }

  async waitUntilDraftSaved(): Promise<void> {
    await this.page.getByRole('status').filter({ hasText: /^Draft saved at/ }).waitFor();
  }
}
