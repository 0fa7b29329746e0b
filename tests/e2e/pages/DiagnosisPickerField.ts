import type { Locator, Page } from 'playwright-core';

/** A DiagnosisPicker by its label: type words or a code, move with the arrows, Enter to choose. */
export class DiagnosisPickerField {
  readonly input: Locator;

  constructor(
    private readonly page: Page,
    readonly label: string,
  ) {
    this.input = page.getByRole('textbox', { name: label });
  }

  /** The codes offered for what is typed, as "CODE title" lines, once the list answers it. */
  async offered(typed: string, first: string | RegExp): Promise<string[]> {
    await this.input.fill(typed);
    const options = this.page.getByRole('listbox', { name: `${this.label}: codes found` }).getByRole('option');
    await options.first().filter({ hasText: first }).waitFor();
    return (await options.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** Types by keyboard, waits for `first` to head the list, then moves down `downs` times and presses Enter. */
  async pickByKeyboard(typed: string, first: string | RegExp, downs = 0): Promise<void> {
    await this.input.focus();
    await this.input.pressSequentially(typed);
    await this.page.getByRole('listbox', { name: `${this.label}: codes found` }).getByRole('option').first().filter({ hasText: first }).waitFor();
    for (let index = 0; index < downs; index += 1) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
  }
}
