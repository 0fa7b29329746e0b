import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDate, todayIn } from '#renderer/format/time.ts';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AppointmentBookPage } from './pages/AppointmentBookPage.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { ReceptionPage } from './pages/ReceptionPage.ts';
import { RolesDialog } from './pages/RolesDialog.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { AdminPage } from './pages/AdminPage.ts';
import { launchChromium } from './support/browser.ts';

// The appointment book on the demo clinic (issue 33): no slot of the past offered, the day named
// once, several doctors side by side by keyboard, a printed day list, and one way of writing times
// (Riverside is in Britain: 24-hour "09:30" on every screen). The demo's doctor works every day,
// 09:00-13:00 and 14:00-17:00, London time; its bookings are his next free slots from now.
const ZONE = 'Europe/London';
const LOCALE = 'en-GB';
/** Any time written on a screen, 12-hour or 24-hour. */
const TIME_ON_SCREEN = /\b\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?/g;

describe('the appointment book, end to end on the demo clinic', () => {
  const dataDir = makeTempDir('clinic-e2e-book-');
  let host: StartedProcess;
  let browser: Browser;
  let page: Page;
  let book: AppointmentBookPage;
  const today = todayIn(ZONE);
  const named = (date: string) => formatDate(date, LOCALE);
  // Two days on, both doctors' slots are all free whatever the hour the test runs.
  const clearDay = addDays(today, 2);

  beforeAll(async () => {
    host = await startNpmScript('web', ['--port', '0', '--data-dir', dataDir.path, '--demo']);
    browser = await launchChromium();
    // The browser's own locale differs from the clinic's, as on a front-desk PC set up elsewhere.
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    page.setDefaultTimeout(15_000);
    book = new AppointmentBookPage(page);
    await page.goto(host.url);
    await new SignInPage(page).signInToDemoClinic();
  });

  afterAll(async () => {
    await browser.close();
    await host.stop();
    dataDir.remove();
  });

  it('makes the front desk a doctor too, with hours two days on, so two doctors can be booked', async () => {
    const admin = new AdminPage(page);
    await new AppShellPage(page).open('Administration');
    await admin.userAction('Sofia Lindqvist', 'Roles');
    const roles = new RolesDialog(page, 'Sofia Lindqvist');
    await roles.role('Riverside Family Clinic (RFC01)', 'Doctor').check();
    await roles.save();
    await admin.users.row('Sofia Lindqvist').getByText('Doctor · Front desk · RFC01').waitFor();
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' }).format(new Date(`${clearDay}T12:00:00Z`));
    await new ReceptionPage(page).setDoctorSchedule('Sofia Lindqvist', { specialization: 'Paediatrics' }, { day: weekday, from: '09:00', to: '13:00', slotMinutes: 30 });
  });

  it('offers no slot of a past day, and names the day once', async () => {
    await book.open();
    await book.earlier();
    const yesterday = named(addDays(today, -1));
    const slots = book.daySlots(yesterday);
    await slots.getByText('past').first().waitFor();
    expect(await slots.getByRole('button').count()).toBe(0);
    expect(await book.heading(yesterday).count()).toBe(1);
    expect(await page.getByText(yesterday, { exact: true }).count()).toBe(1);
  });

  it('shows every doctor’s day side by side, walked and booked by keyboard', async () => {
    await book.view('All doctors');
    await book.today();
    await book.later();
    await book.later();
    const grid = book.doctorsGrid(named(clearDay));
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual(['Time', 'Dr. Rahul Mehta', 'Sofia Lindqvist']);
    expect(await grid.getByRole('rowheader').first().textContent()).toBe('09:00');
    await grid.getByRole('button', { name: 'Book Dr. Rahul Mehta at 09:00' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await book.focusedName()).toBe('Book Sofia Lindqvist at 09:00');
    // Sofia's next slot is at 09:30: the rows between, where she has none, are skipped.
    await page.keyboard.press('ArrowDown');
    expect(await book.focusedName()).toBe('Book Sofia Lindqvist at 09:30');
    await page.keyboard.press('ArrowLeft');
    expect(await book.focusedName()).toBe('Book Dr. Rahul Mehta at 09:30');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    await dialog.getByRole('status').getByText(`${named(clearDay)} at 09:30 with Dr. Rahul Mehta`).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('prints the day list by doctor: time, patient, record number and status', async () => {
    await book.view('Day');
    await book.today();
    // The demo's bookings are the doctor's next free slots: today, or the next day when today's are
    // over. The day's list is read once it has loaded (its rows, or the words for none): read
    // while loading, a morning's list looked empty and the test printed the next day.
    const rows = book.list().locator('tbody tr');
    const none = page.getByRole('tabpanel').getByText('No appointments.', { exact: true });
    await rows.first().or(none).waitFor();
    if ((await rows.count()) === 0) {
      await book.later();
      await none.waitFor({ state: 'detached' });
    }
    await rows.first().waitFor();
    const booked: string[][] = [];
    for (const row of await rows.all()) booked.push(await row.locator('td').allInnerTexts());
    const printed = await book.printDayList();
    expect(printed.calls).toBe(1);
    expect(printed.sheetDisplay).toBe('block');
    expect(printed.appDisplay).toBe('none');
    expect(printed.text).toContain('Riverside Family Clinic');
    expect(printed.text).toContain('Dr. Rahul Mehta');
    expect(printed.text).toMatch(/Time\s+Patient\s+Record number\s+Status/);
    for (const [when = '', patient = '', , , status = ''] of booked) {
      const [time = ''] = when.split(/\n+/);
      const [name = '', mrn = ''] = patient.split(/\n+/);
      // The screen's badge writes the status in capitals; the sheet in plain words.
      const [statusLabel = ''] = status.split(/\n+/);
      expect(printed.text.toLowerCase()).toContain([time, name, mrn, statusLabel].join('\t').toLowerCase());
    }
    // Printing over, the sheet is gone and the screen is as it was.
    await page.locator('body > .print-day-list').waitFor({ state: 'detached' });
    await book.list().waitFor();
  });

  it('writes every time the clinic’s way on reception, the queue and the appointment book', async () => {
    const screens: Record<string, string> = {};
    await new ReceptionPage(page).openTab('Queue');
    await page.getByText(/arrived \d/).first().waitFor();
    screens['queue'] = await page.getByRole('main').innerText();
    await book.open();
    await book.view('Day');
    await book.today();
    await book.later();
    // Until tomorrow's slots come, the grid still holds today's: wait for one of tomorrow's.
    await book.daySlots(named(addDays(today, 1))).getByRole('button').first().waitFor();
    screens['appointments'] = await page.getByRole('main').innerText();
    await book.view('All doctors');
    await book.doctorsGrid(named(addDays(today, 1))).waitFor();
    screens['doctors side by side'] = await page.getByRole('main').innerText();
    await new ReceptionPage(page).openTab('Patients');
    screens['reception header'] = await page.getByRole('banner').innerText();
    for (const [screen, text] of Object.entries(screens)) {
      const times = text.match(TIME_ON_SCREEN) ?? [];
      if (screen !== 'reception header') expect(times.length, `${screen} shows times: ${text}`).toBeGreaterThan(0);
      expect(times.filter((time) => !/^\d{2}:\d{2}$/.test(time)), `${screen}: ${times.join(', ')}`).toEqual([]);
    }
  });
});
