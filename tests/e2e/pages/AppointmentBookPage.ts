import type { Locator, Page } from 'playwright-core';
import { ReceptionPage } from './ReceptionPage.ts';

/** What the stubbed window.print saw: the sheet's text, and what print CSS showed and hid. */
export type PrintedSheet = { readonly text: string; readonly sheetDisplay: string; readonly appDisplay: string; readonly calls: number };

/** Reception's appointment book: its views, its day, its grids and its printed day list. */
export class AppointmentBookPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new ReceptionPage(this.page).openTab('Appointments');
  }

  async view(name: 'Day' | 'Week' | 'All doctors'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'View' }).getByText(name, { exact: true }).click();
  }

  async today(): Promise<void> {
    await this.page.getByRole('button', { name: 'Today', exact: true }).click();
  }

  async later(): Promise<void> {
    await this.page.getByRole('button', { name: 'Later' }).click();
  }

  async earlier(): Promise<void> {
    await this.page.getByRole('button', { name: 'Earlier' }).click();
  }

  heading(text: string): Locator {
    return this.page.getByRole('heading', { name: text, exact: true });
  }

  daySlots(formattedDay: string): Locator {
    return this.page.getByRole('group', { name: `Slots on ${formattedDay}` });
  }

  doctorsGrid(formattedDay: string): Locator {
    return this.page.getByRole('table', { name: `Doctors side by side on ${formattedDay}` });
  }

  list(): Locator {
    return this.page.getByRole('table', { name: 'Appointments', exact: true });
  }

  /**
   * Replaces window.print with a stub that keeps what would have been printed (the sheet's text,
   * and what print CSS shows and hides), then asks for the day list with the page in print media.
   */
  async printDayList(): Promise<PrintedSheet> {
    // Run in the page, which has a DOM this code's types do not describe.
    await this.page.evaluate(`(() => {
      let calls = 0;
      window.print = () => {
        calls += 1;
        const sheet = document.querySelector('body > .print-day-list');
        const app = document.getElementById('root');
        window.printedSheet = {
          text: sheet ? sheet.innerText : '',
          sheetDisplay: sheet ? getComputedStyle(sheet).display : 'absent',
          appDisplay: app ? getComputedStyle(app).display : 'absent',
          calls,
        };
      };
    })()`);
    await this.page.emulateMedia({ media: 'print' });
    try {
      await this.page.getByRole('button', { name: 'Print day list' }).click();
      // Polled by plain evaluation: the app's content security policy forbids what waitForFunction runs.
      for (let tries = 0; tries < 100; tries += 1) {
        const printed = await this.page.evaluate<PrintedSheet | undefined>('window.printedSheet');
        if (printed !== undefined) return printed;
        await this.page.waitForTimeout(100);
      }
      throw new Error('The day list was never sent to print.');
    } finally {
      await this.page.emulateMedia({ media: 'screen' });
    }
  }

  /** The accessible name of what has the keyboard's focus. */
  async focusedName(): Promise<string> {
    return (await this.page.locator(':focus').getAttribute('aria-label')) ?? '';
  }
}
