import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './select.ts';

/** The encounter's procedures panel and the patient's treatment plans, on the encounter screen or the chart. */
export class TreatmentPlansPage {
  constructor(private readonly page: Page) {}

  performed(): Locator {
    return this.page.getByRole('table', { name: 'Procedures of this visit' });
  }

  plan(title: string): Locator {
    return this.page.getByRole('article', { name: `Treatment plan ${title}` });
  }

  steps(title: string): Locator {
    return this.page.getByRole('table', { name: `Steps of ${title}` });
  }

  async recordProcedure(code: string, site: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Record procedure…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Record a procedure' });
    await chooseOption(this.page, 'Procedure', code);
    if (site !== '') await dialog.getByRole('textbox', { name: 'Tooth or site' }).fill(site);
    await dialog.getByRole('button', { name: 'Record procedure' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async createPlan(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New treatment plan…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New treatment plan' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    // Enter submits, as a keyboard user would.
    await dialog.getByRole('textbox', { name: 'Title' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await this.plan(title).waitFor();
  }

  async addStep(title: string, step: { code: string; site: string; plannedDate: string }): Promise<void> {
    await this.plan(title).getByRole('button', { name: 'Add step…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Add a step to ${title}` });
    await chooseOption(this.page, 'Procedure', step.code);
    if (step.site !== '') await dialog.getByRole('textbox', { name: 'Tooth or site' }).fill(step.site);
    await dialog.getByLabel('Planned date').fill(step.plannedDate);
    await dialog.getByRole('button', { name: 'Add step' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Books a step at the doctor's next free slot and returns the appointment's reference from the notice. */
  async bookNextFree(title: string, position: number): Promise<string> {
    await this.page.getByRole('button', { name: `Book step ${String(position)} of ${title}` }).click();
    const dialog = this.page.getByRole('dialog', { name: new RegExp(`^Book step ${String(position)}: `) });
    await dialog.getByRole('button', { name: 'Book next free slot' }).click();
    await dialog.waitFor({ state: 'detached' });
    const notice = this.page.getByText(/^Follow-up [A-Z]{3}\d{2}-A\d+ on /);
    await notice.waitFor();
    return /[A-Z]{3}\d{2}-A\d+/.exec((await notice.textContent()) ?? '')?.[0] ?? '';
  }
}
