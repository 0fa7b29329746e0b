import type { Locator, Page } from 'playwright-core';

export type AllergyAnswer = 'Not recorded' | 'No known allergies' | 'Has allergies';

/** The registration (or edit) dialog of a patient, as the front desk fills it by keyboard and mouse. */
export class PatientFormPage {
  constructor(
    private readonly page: Page,
    readonly name: 'Register a patient' | 'Edit patient' = 'Register a patient',
  ) {}

  form(): Locator {
    return this.page.getByRole('form', { name: this.name });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.name === 'Register a patient' ? 'Register a patient' : /^Edit / });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reception' }).click();
    await this.page.getByRole('tab', { name: 'Patients' }).click();
    await this.page.getByRole('button', { name: 'Register patient' }).click();
    await this.form().waitFor();
  }

  field(label: string): Locator {
    return this.form().getByRole('textbox', { name: label, exact: true });
  }

  birthDate(): Locator {
    return this.form().getByRole('textbox', { name: /^Date of birth/ });
  }

  async fillNames(givenName: string, familyName: string, sex: 'Male' | 'Female' | 'Other'): Promise<void> {
    await this.field('Given name').fill(givenName);
    await this.field('Family name').fill(familyName);
    await this.form().getByRole('combobox', { name: 'Sex' }).click();
    await this.page.getByRole('option', { name: sex, exact: true }).click();
  }

  async answerAllergies(answer: AllergyAnswer, substances: readonly string[] = []): Promise<void> {
    await this.form().getByRole('radiogroup', { name: 'Allergies' }).getByRole('radio', { name: answer }).check();
    for (const [index, substance] of substances.entries()) {
      await this.form().getByRole('button', { name: 'Add allergy' }).click();
      await this.form().getByRole('textbox', { name: 'Substance' }).nth(index).fill(substance);
    }
  }

  async submit(): Promise<void> {
    await this.form().getByRole('button', { name: this.name === 'Register a patient' ? 'Register patient' : 'Save changes' }).click();
  }

  /** The error shown under a field, which the field names as part of its description. */
  async errorOf(field: Locator): Promise<string | null> {
    const described = (await field.getAttribute('aria-describedby')) ?? '';
    const id = described.split(' ').find((part) => part.endsWith('-error'));
    return id === undefined ? null : this.page.locator(`[id="${id}"]`).textContent();
  }

  /** Whether the keyboard's focus is in this field. */
  async hasFocus(field: Locator): Promise<boolean> {
    return (await field.and(this.page.locator(':focus')).count()) === 1;
  }

  /** The question asked before a half-filled form is thrown away. */
  discardQuestion(): Locator {
    return this.page.getByRole('dialog', { name: /^Discard/ });
  }

  failure(): Locator {
    return this.form().getByRole('alert').filter({ hasText: 'Not saved' });
  }
}
