import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './select.ts';

export type PatientFields = { givenName: string; familyName: string; sex: 'Male' | 'Female' | 'Other'; birthDate: string; phone: string };

/** Reception: its tabs, the patient form, the patient record, booking and the queue. */
export class ReceptionPage {
  constructor(private readonly page: Page) {}

  async openTab(name: 'Queue' | 'Appointments' | 'Patients' | 'Doctors'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reception' }).click();
    await this.page.getByRole('tab', { name }).click();
  }

  registrationForm(): Locator {
    return this.page.getByRole('form', { name: 'Register a patient' });
  }

  async fillRegistration(patient: PatientFields): Promise<Locator> {
    await this.openTab('Patients');
    await this.page.getByRole('button', { name: 'Register patient' }).click();
    const form = this.registrationForm();
    await form.getByRole('textbox', { name: 'Given name' }).fill(patient.givenName);
    await form.getByRole('textbox', { name: 'Family name' }).fill(patient.familyName);
    await form.getByRole('combobox', { name: 'Sex' }).click();
    await this.page.getByRole('option', { name: patient.sex, exact: true }).click();
    await form.getByLabel('Date of birth').fill(patient.birthDate);
    await form.getByRole('textbox', { name: 'Phone', exact: true }).fill(patient.phone);
    return form;
  }

  /** Types in the header's search, reached with its shortcut from wherever the focus is. */
  async search(query: string): Promise<Locator> {
    await this.page.keyboard.press('Control+k');
    const box = this.page.getByRole('textbox', { name: 'Find a patient' });
    await box.and(this.page.locator(':focus')).waitFor();
    await box.fill(query);
    return this.page.getByRole('listbox');
  }

  async openFirstResult(query: string, expectedOption: string | RegExp): Promise<void> {
    const results = await this.search(query);
    await results.getByRole('option', { name: expectedOption }).waitFor();
    await this.page.keyboard.press('Enter');
  }

  async setDoctorSchedule(doctorName: string, profile: { specialization: string }, session: { day: string; from: string; to: string; slotMinutes: number }): Promise<void> {
    await this.openTab('Doctors');
    await this.page.getByRole('button', { name: `Schedule of ${doctorName}` }).click();
    const form = this.page.getByRole('form', { name: 'Doctor profile' });
    await form.getByRole('textbox', { name: 'Specialization' }).fill(profile.specialization);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await this.page.getByText(`Profile of ${doctorName} saved.`).waitFor();
    await this.page.getByRole('button', { name: 'Add session' }).click();
    const row = this.page.getByRole('group', { name: /Session on/ }).last();
    await row.getByRole('combobox', { name: 'Day' }).click();
    await this.page.getByRole('option', { name: session.day, exact: true }).click();
    await row.getByLabel('From').fill(session.from);
    await row.getByLabel('To').fill(session.to);
    await row.getByRole('textbox', { name: 'Slot (min)' }).fill(String(session.slotMinutes));
    await this.page.getByRole('button', { name: 'Save weekly schedule' }).click();
    await this.page.getByText('Weekly schedule saved.').waitFor();
  }

  async bookNextFreeSlot(doctorName: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Book appointment' }).click();
    const form = this.page.getByRole('form', { name: 'Book an appointment' });
    await chooseOption(this.page, 'Doctor', doctorName);
    await form.getByRole('button', { name: 'Next free slot' }).click();
    await form.getByRole('status').waitFor();
    await form.getByRole('button', { name: 'Book appointment' }).click();
    const notice = this.page.getByText(/^Booked [A-Z]{3}\d{2}-A\d+$/);
    await notice.waitFor();
    return (await notice.textContent())?.replace('Booked ', '') ?? '';
  }

  /** Fills the "add a patient of another clinic" form by keyboard and submits it with Enter. */
  async linkByRecordNumber(mrn: string, proof: { birthDate?: string; phone?: string }): Promise<Locator> {
    const form = this.page.getByRole('form', { name: 'Add by record number' });
    if ((await form.count()) === 0) {
      await this.openTab('Patients');
      await this.page.getByRole('button', { name: 'Add by record number' }).click();
      await form.getByRole('textbox', { name: 'Record number' }).and(this.page.locator(':focus')).waitFor();
    }
    await form.getByRole('textbox', { name: 'Record number' }).fill(mrn);
    await form.getByLabel('Date of birth').fill(proof.birthDate ?? '');
    await form.getByRole('textbox', { name: 'Phone' }).fill(proof.phone ?? '');
    await form.getByRole('textbox', { name: 'Phone' }).focus();
    await this.page.keyboard.press('Enter');
    return form;
  }

  queueRow(token: string): Locator {
    return this.page.getByRole('list', { name: 'Queue' }).getByLabel(`Token ${token}`);
  }

  walkInDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add to today’s queue' });
  }

  registrationDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Register a patient' });
  }

  tokenDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Token [A-Z]\d+$/ });
  }

  /**
   * Replaces the browser's print with a recorder of what the slip said when printing was asked
   * for. A script in the page's own words: the tests are typed without the DOM's types.
   */
  async recordPrinting(): Promise<void> {
    await this.page.evaluate(`window.printedSlips = []; window.print = () => { window.printedSlips.push(document.getElementById('token-slip')?.innerText ?? '(nothing to print)'); };`);
  }

  async printedSlips(): Promise<string[]> {
    const printed: unknown = await this.page.evaluate('window.printedSlips');
    return Array.isArray(printed) ? printed.map(String) : [];
  }

  /** The element that has the keyboard focus (document.activeElement), if it is the one given. */
  async waitForFocusOn(element: Locator): Promise<void> {
    // Attached, not visible: a segmented control's radio is focused while visually hidden.
    await element.and(this.page.locator(':focus')).waitFor({ state: 'attached' });
  }
}
