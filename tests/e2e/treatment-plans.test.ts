import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { ConsultationPage } from './pages/ConsultationPage.ts';
import { ReceptionPage } from './pages/ReceptionPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { TreatmentPlansPage } from './pages/TreatmentPlansPage.ts';
import { launchChromium } from './support/browser.ts';

const shots = '/tmp/shots-plans';
const planTitle = 'Restore upper right molar';

/** A local date some days from now, as the demo clinic (in the machine's zone) writes it. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA');
}

// A dental visit on the demo clinic: the doctor records a filling done today, writes a three-step
// plan for a molar, books its second step as a follow-up, and the front desk finds the appointment
// in the patient's record.
describe('procedures and treatment plans, end to end on the demo clinic', () => {
  const dataDir = makeTempDir('clinic-e2e-plans-');
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path, '--demo']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(15_000);
    await page.goto(host.url);
    await new SignInPage(page).signIn('doctor', 'demo-doctor');
    await page.getByRole('button', { name: /Riverside Family Clinic \(RFC01\)/ }).click();
    await new AppShellPage(page).waitUntilShown();
  });

  afterAll(async () => {
    await browser.close();
    await host.stop();
    dataDir.remove();
  });

  it('records a procedure, makes a three-step plan, books step 2 as a follow-up, and reception sees the appointment', async () => {
    const room = new ConsultationPage(page);
    const plans = new TreatmentPlansPage(page);
    await room.openWorklist();
    const first = room.worklist().getByRole('option').first();
    const name = ((await first.locator('p').nth(1).textContent()) ?? '').replace(/\s+\S+-M\S+$/, '').trim();
    await room.worklist().focus();
    await page.keyboard.press('Enter');
    await room.banner().getByRole('heading', { name }).waitFor();

    await plans.recordProcedure('DEN-FILL-1', '26');
    await plans.performed().getByRole('cell', { name: /^Composite filling, one surface/ }).waitFor();

    await plans.createPlan(planTitle);
    await plans.addStep(planTitle, { code: 'DEN-RCT-M', site: '16', plannedDate: daysFromNow(7) });
    await plans.addStep(planTitle, { code: 'DEN-POST', site: '16', plannedDate: daysFromNow(14) });
    await plans.addStep(planTitle, { code: 'DEN-CROWN', site: '16', plannedDate: daysFromNow(28) });
    await expect.poll(() => plans.steps(planTitle).getByRole('row').count()).toBe(4);
    await plans.plan(planTitle).getByText('0 of 3 steps done').waitFor();
    await expect.poll(() => plans.plan(planTitle).getByText(/^Total /).textContent()).toMatch(/1,150\.00|1150\.00/);

    const reference = await plans.bookNextFree(planTitle, 2);
    expect(reference).toMatch(/^RFC01-A\d+$/);
    const booked = plans.steps(planTitle).getByRole('row').nth(2);
    await booked.getByText('Booked').waitFor();
    await booked.getByText(new RegExp(reference)).waitFor();
    await plans.plan(planTitle).getByText('Accepted').waitFor();
    for (const size of [{ width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(size);
      await plans.plan(planTitle).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/encounter-plan-${String(size.width)}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Open chart' }).click();
    await plans.plan(planTitle).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/chart-plan-1366.png` });

    // The front desk finds the follow-up on the patient's record.
    await new AppShellPage(page).signOut();
    await new SignInPage(page).signIn('admin', 'demo-admin');
    await page.getByRole('button', { name: /Riverside Family Clinic \(RFC01\)/ }).click();
    await new AppShellPage(page).open('Reception');
    await new ReceptionPage(page).openFirstResult(name, new RegExp(name));
    const list = page.getByRole('table', { name: 'Appointments of this patient' }).or(page.getByRole('list', { name: 'Appointments of this patient' }));
    await list.getByText(reference).waitFor();
    await list.getByText('Follow-up').first().waitFor();
    await page.screenshot({ path: `${shots}/reception-record.png` });
  });
});
