import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePng } from '#tests/support/document-files.ts';
import { startNpmScript, type StartedProcess } from '#tests/support/processes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { AdminPage } from './pages/AdminPage.ts';
import { AppShellPage } from './pages/AppShellPage.ts';
import { CataloguePage } from './pages/CataloguePage.ts';
import { DispensePage } from './pages/DispensePage.ts';
import { ConsultationPage } from './pages/ConsultationPage.ts';
import { DocumentsPage } from './pages/DocumentsPage.ts';
import { LockPage } from './pages/LockPage.ts';
import { OrdersPanelPage } from './pages/OrdersPanelPage.ts';
import { PrescriptionPanel } from './pages/PrescriptionPanel.ts';
import { PointOfSalePage } from './pages/PointOfSalePage.ts';
import { ReceptionPage } from './pages/ReceptionPage.ts';
import { SetupPage } from './pages/SetupPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { StockPage } from './pages/StockPage.ts';
import { TreatmentPlansPage } from './pages/TreatmentPlansPage.ts';
import { launchChromium } from './support/browser.ts';
import { callAsPage, recordAllergyAtFrontDesk } from './support/front-desk-api.ts';
import { demoPacks, signDemoPrescription } from './support/demo-prescription.ts';
import { screensToCheck } from './support/screen-inventory.ts';
import { FRONT_DESK_SIZES, problemsAtFrontDeskSizes } from './support/screen-check.ts';
import { zoneNearNoon } from './support/time-zone.ts';

const usher = { fullName: 'Una Usher', username: 'usher', password: 'first-temporary', role: 'Front desk' };
const demoDoctor = 'Dr. Rahul Mehta';

// Every screen, tab and dialog of the app, as a receptionist and an administrator meet them, at
// the front desk's two monitor sizes: zero axe-core violations of WCAG 2.1 AA, nothing clipped,
// no word split over two lines. One signed-in page walks through all of them to keep the run short.
// Each test checks several screens at two sizes; axe-core takes seconds on each.
describe('every screen and dialog at 1366x768 and 1024x768: accessible and whole', { timeout: 300_000 }, () => {
  const demoDir = makeTempDir('clinic-e2e-a11y-demo-');
  const freshDir = makeTempDir('clinic-e2e-a11y-setup-');
  const checked = new Set<string>();
  let demoHost: StartedProcess;
  let freshHost: StartedProcess;
  let browser: Browser;
  let page: Page;
  let reception: ReceptionPage;
  let displayLink = '';
  // The demo clinics take the machine's zone: one where it is midday now gives today free slots
  // and same-day bookings whenever the test runs.
  const clinicZone = zoneNearNoon();

  /** Checks what is on screen now, records that `key` was checked, and fails with every problem in words. */
  async function check(key: string, screenName: string, target: Page = page, include?: string): Promise<void> {
    checked.add(key);
    // A dialog's content is the same at either width (the layout probe still looks at both): axe
    // reads it at the first size only, which keeps this walk inside the CI's time.
    const problems = await problemsAtFrontDeskSizes(target, screenName, include === undefined ? {} : { include, axeAtFirstSizeOnly: true });
    expect.soft(problems.join('\n\n'), screenName).toBe('');
  }

  /** Opens a dialog, checks it, and closes it with Escape, as a keyboard user leaves it. */
  async function checkDialog(key: string, name: string | RegExp, open: () => Promise<void>): Promise<void> {
    await open();
    const dialog = page.getByRole('dialog', { name });
    await dialog.waitFor();
    try {
      // A screen reader hears only the dialog: the page behind it is out of the accessibility tree.
      expect.soft(await page.getByRole('main').count(), `page behind dialog ${String(name)} still exposed`).toBe(0);
      // The page behind was checked on its own; axe looks at the dialog only.
      await check(key, `dialog ${String(name)}`, page, '[role="dialog"]');
    } finally {
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
  }

  beforeAll(async () => {
    [demoHost, freshHost] = await Promise.all([startNpmScript('web', ['--port', '0', '--data-dir', demoDir.path, '--demo'], { TZ: clinicZone.zone }), startNpmScript('web', ['--port', '0', '--data-dir', freshDir.path])]);
    browser = await launchChromium();
    // axe-core's runner needs a page of a context the test made.
    const context = await browser.newContext({ viewport: FRONT_DESK_SIZES[0], reducedMotion: 'reduce', timezoneId: clinicZone.zone });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    reception = new ReceptionPage(page);
  });

  afterAll(async () => {
    await browser.close();
    await Promise.all([demoHost.stop(), freshHost.stop()]);
    demoDir.remove();
    freshDir.remove();
  });

  it('the setup screen of a new workstation, both ways of setting up', async () => {
    await page.goto(freshHost.url);
    await new SetupPage(page).waitUntilShown();
    await check('screen SetupScreen', 'setup, new clinic');
    await page.getByRole('tab', { name: 'Join an existing clinic' }).click();
    await page.getByRole('form', { name: 'Join an existing clinic' }).waitFor();
    await check('screen SetupScreen', 'setup, join a clinic');
  });

  it('sign-in, after a failed attempt too', async () => {
    await page.goto(demoHost.url);
    const signIn = new SignInPage(page);
    await signIn.waitUntilShown();
    await check('screen SignInScreen', 'sign-in');
    await signIn.signIn('admin', 'not-the-password');
    await signIn.failure().waitFor();
    await check('screen SignInScreen', 'sign-in, refused');
  });

  it('the clinic picker', async () => {
    await new SignInPage(page).signIn('admin', 'demo-admin');
    await page.getByRole('heading', { name: 'Choose a clinic' }).waitFor();
    await check('screen ClinicPickerScreen', 'clinic picker');
    await page.getByRole('button', { name: /Riverside Family Clinic \(RFC01\)/ }).click();
    await new AppShellPage(page).waitUntilShown();
  });

  it('reception: doctors, with the weekly schedule open', async () => {
    await reception.setDoctorSchedule(demoDoctor, { specialization: 'General practice' }, { day: clinicZone.weekday, from: '17:00', to: '23:45', slotMinutes: 15 });
    await check('tab reception/doctors', 'reception doctors with schedule');
  });

  it('reception: patients, the header search and a patient record with its dialogs', async () => {
    await reception.openTab('Patients');
    await page.getByRole('textbox', { name: 'Search patients' }).fill('a');
    await page.getByRole('list', { name: 'Patients found' }).getByRole('button').first().waitFor();
    await check('tab reception/patients', 'reception patients');
    await checkDialog('dialog patients/PatientFormModal', 'Register a patient', () => page.getByRole('button', { name: 'Register patient' }).click());
    // Escape on a half-filled registration asks first.
    await page.getByRole('button', { name: 'Register patient' }).click();
    const registration = page.getByRole('dialog', { name: 'Register a patient' });
    await registration.getByRole('textbox', { name: 'Given name' }).fill('Half');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Discard this registration?' }).waitFor();
    await check('dialog patients/DiscardQuestion', 'dialog Discard this registration?', page, '[role="dialog"]');
    await page.getByRole('button', { name: 'Discard' }).click();
    await registration.waitFor({ state: 'detached' });
    await checkDialog('dialog patients/LinkByMrnModal', /by record number/, () => page.getByRole('button', { name: 'Add by record number' }).click());

    const results = await reception.search('a');
    await results.getByRole('option').first().waitFor();
    await check('widget patients/PatientSearchBox', 'header search with results');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Book appointment' }).waitFor();
    await check('tab reception/patient', 'patient record');
    await checkDialog('dialog patients/PatientFormModal', /^Edit /, () => page.getByRole('button', { name: 'Edit' }).click());
    await checkDialog('dialog patients/MergeModal', /^Merge /, () => page.getByRole('button', { name: /^Merge/ }).click());
    await checkDialog('dialog queue/WalkInModal', 'Add to today’s queue', () => page.getByRole('button', { name: /queue/i }).click());
    await checkDialog('dialog appointments/BookingModal', 'Book an appointment', () => page.getByRole('button', { name: 'Book appointment' }).click());
    // Booked for today, so the queue gets a row with an appointment reference.
    await reception.bookNextFreeSlot(demoDoctor);
  });

  it('reception: appointments, with the history and cancel dialogs', async () => {
    await reception.openTab('Appointments');
    await page.getByRole('table', { name: 'Appointments' }).waitFor();
    await check('tab reception/appointments', 'reception appointments');
    const more = page.getByRole('button', { name: /^More for [A-Z]{3}\d{2}-A\d+$/ }).first();
    await checkDialog('dialog appointments/AppointmentActions', /^History of /, async () => {
      await more.click();
      await page.getByRole('menuitem', { name: /history/i }).click();
    });
    await checkDialog('dialog appointments/AppointmentActions', /^Cancel /, async () => {
      await more.click();
      await page.getByRole('menuitem', { name: /^Cancel/ }).click();
    });
  });

  it('reception: the queue with long waits, appointment references, the call popover and the walk-in dialog', async () => {
    await reception.openTab('Queue');
    await page.getByRole('button', { name: /^Check in / }).first().click();
    await page.getByRole('list', { name: 'Queue' }).getByText(/[A-Z]{3}\d{2}-A\d+/).first().waitFor();
    // The waits the issue saw break the rows: fourteen minutes, as the page's clock sees it.
    await page.clock.setSystemTime(Date.now() + 14 * 60_000);
    await page.mouse.move(5, 5);
    await reception.openTab('Patients');
    await reception.openTab('Queue');
    await page.getByLabel('Waiting for').getByText('14 min').first().waitFor();
    await check('tab reception/queue', 'reception queue');
    await checkDialog('dialog queue/WalkInModal', 'Add to today’s queue', () => page.getByRole('button', { name: 'Add walk-in' }).click());
    // The walk-in shortcut's dialog, opened by its key from the queue.
    await checkDialog('widget queue/WalkInShortcut', 'Add to today’s queue', () => page.keyboard.press('F4'));
    const callButton = page.getByRole('button', { name: /^Call [A-Z]\d+$/ }).first();
    await callButton.click();
    await page.getByRole('form', { name: /to a room$/ }).waitFor();
    await check('tab reception/queue', 'queue call popover');
    await page.keyboard.press('Escape');
  });

  it('administration: users and every user dialog', async () => {
    await new AppShellPage(page).open('Administration');
    const admin = new AdminPage(page);
    await admin.openTab('Users');
    await admin.users.table().waitFor();
    await check('tab administration/users', 'administration users');
    await checkDialog('dialog users/CreateUserModal', 'New user', () => page.getByRole('button', { name: 'New user' }).click());
    await admin.users.createUser(usher);
    await checkDialog('dialog users/EditUserModal', `Edit ${usher.fullName}`, () => admin.userAction(usher.fullName, 'Edit details'));
    await checkDialog('dialog users/ResetPasswordModal', /^Reset the password/, () => admin.userAction(usher.fullName, 'Reset password'));
    await checkDialog('dialog users/RolesModal', `Roles of ${usher.fullName}`, () => admin.userAction(usher.fullName, 'Roles'));
  });

  it('administration: clinic details with a screen link, and the audit log', async () => {
    const admin = new AdminPage(page);
    await admin.openTab('Clinic details');
    await page.getByRole('form', { name: 'Clinic details' }).waitFor();
    await page.getByRole('button', { name: 'Create screen link' }).click();
    displayLink = (await page.getByText(/display\.html#key=/).textContent()) ?? '';
    await check('tab administration/clinic', 'administration clinic details with screen link');
    await admin.openTab('Audit log');
    await page.getByRole('table', { name: 'Audit log' }).waitFor();
    await check('tab administration/audit', 'administration audit log');
  });

  it('administration: the diagnosis codes, with the picker’s list open', async () => {
    await new AdminPage(page).openTab('Diagnosis codes');
    await page.getByRole('table', { name: 'Code set loaded on this workstation' }).waitFor();
    await page.getByRole('textbox', { name: 'Look up a code' }).fill('otitis media');
    await page.getByRole('listbox', { name: 'Look up a code: codes found' }).getByRole('option').first().waitFor();
    await check('tab administration/icd10', 'administration diagnosis codes');
    await page.getByRole('textbox', { name: 'Look up a code' }).fill('');
  });

  it('pharmacy: stock alerts, batches, receiving goods and the count sheet', async () => {
    const stock = new StockPage(page);
    await stock.open();
    await stock.table('Reorder list').waitFor();
    await check('tab pharmacy/stock', 'pharmacy stock alerts');
    await stock.openView('Batches');
    await stock.table('Batches on hand').waitFor();
    await check('tab pharmacy/stock', 'pharmacy stock batches');
    await stock.openView('Receive goods');
    await page.getByRole('form', { name: 'Start a goods receipt' }).waitFor();
    await check('tab pharmacy/stock', 'pharmacy receive goods');
    await stock.openView('Stock count');
    await stock.table('Count sheet').waitFor();
    await check('tab pharmacy/stock', 'pharmacy stock count');
  });

  it('pharmacy: dispensing a prescription with a wrong pack stopped, and the controlled register', async () => {
    const prescription = await signDemoPrescription(page.request, demoHost.url, { givenName: 'Alma', familyName: 'Access', birthDate: '1984-11-03' }, [
      { gtin: demoPacks.amoxicillin, quantity: 3 },
      { gtin: demoPacks.salbutamol, quantity: 1 },
    ]);
    const counter = new DispensePage(page);
    await counter.open();
    await check('tab pharmacy/dispense', 'pharmacy dispense, nothing open');
    const field = page.getByRole('textbox', { name: 'Prescription reference' });
    await field.fill(prescription.reference);
    await field.press('Enter');
    await counter.lines().waitFor();
    await page.getByRole('textbox', { name: 'Prescription reference' }).blur();
    await counter.scan(demoPacks.paracetamol);
    await counter.stop().waitFor();
    await check('tab pharmacy/dispense', 'pharmacy dispense with a prescription and a wrong pack stopped');
    await counter.openRegister();
    await page.getByText('No controlled medicine was supplied in this period.').waitFor();
    await check('tab pharmacy/controlled', 'pharmacy controlled register');
  });

  it('pharmacy: the catalogue with a product open and its dialogs, and the interaction knowledge base', async () => {
    const shell = new AppShellPage(page);
    await shell.open('Pharmacy');
    const catalogue = new CataloguePage(page);
    await catalogue.find('amox');
    await catalogue.choose(/Co-amoxiclav/);
    await check('tab pharmacy/catalogue', 'pharmacy catalogue with a product');
    await checkDialog('dialog medicines/ProductFormModal', 'New product', () => page.getByRole('button', { name: 'New product' }).click());
    await checkDialog('dialog medicines/ProductFormModal', /^Edit /, () => page.getByRole('button', { name: 'Edit' }).click());
    await shell.open('Administration');
    await page.getByRole('tab', { name: 'Interactions' }).click();
    await page.getByText(/checks prescriptions against/).waitFor();
    await check('tab administration/interactions', 'administration interaction knowledge base');
  });

  it('pharmacy: the point of sale with a cart, its dialogs, an unknown code, a paid sale, and returns', async () => {
    const pos = new PointOfSalePage(page);
    await pos.open();
    await pos.search().waitFor();
    await pos.scan(']d20109506000134352' + '10AMX2405');
    await pos.cart().getByRole('row', { name: /Amoxicillin/ }).waitFor();
    await check('tab pharmacy/pos', 'pharmacy point of sale with a cart');
    await checkDialog('dialog sales/LineModal', 'Amoxicillin 500 mg capsule', () => page.keyboard.press('F2'));
    await checkDialog('dialog sales/SaleDiscountModal', 'Discount on the sale', () => page.keyboard.press('Shift+F4'));
    await checkDialog('dialog sales/PaymentModal', 'Payment', () => page.keyboard.press('F8'));
    // A valid GTIN no product has.
    await pos.scan('1234567890128');
    await page.getByRole('button', { name: 'Attach this code to a product…' }).waitFor();
    await check('tab pharmacy/pos', 'pharmacy point of sale, unknown code');
    await checkDialog('dialog sales/AttachCodeModal', 'Attach this code to a product', () => page.keyboard.press('Enter'));
    await page.keyboard.press('F8');
    await pos.dialog('Payment').waitFor();
    await page.keyboard.press('Enter');
    const last = page.getByRole('region', { name: 'Last sale' });
    await last.locator('iframe[data-receipt]').waitFor();
    const receiptNumber = (await last.locator('iframe[data-receipt]').getAttribute('data-receipt')) ?? '';
    await check('tab pharmacy/pos', 'pharmacy point of sale after a sale');
    await pos.open('Returns');
    await page.getByLabel('Receipt number').fill(receiptNumber);
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: 'Lines of the sale' }).waitFor();
    await check('tab pharmacy/returns', 'pharmacy returns with a sale found');
  });

  it('the sync screen and the sections still to come', async () => {
    const shell = new AppShellPage(page);
    await shell.open('Sync');
    await check('screen SyncScreen', 'sync');
    for (const section of ['Billing', 'Inventory']) {
      await shell.open(section);
      await check('screen PlaceholderScreen', `placeholder ${section}`);
    }
  });

  it('the lock screen', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Lock screen' }).click();
    const lock = new LockPage(page);
    await lock.waitUntilLocked();
    await check('dialog LockOverlay', 'lock screen');
    await lock.unlock('demo-admin');
  });

  it('the waiting-room display board', async () => {
    expect(displayLink).toContain('display.html#key=');
    const board = await page.context().newPage();
    try {
      await board.goto(displayLink);
      await board.getByRole('region', { name: 'Waiting' }).waitFor();
      await check('screen DisplayBoard', 'waiting-room display', board);
    } finally {
      await board.close();
    }
  });

  it('consultation, as the demo doctor: the worklist, patient charts, and an encounter', async () => {
    await new AppShellPage(page).signOut();
    await new SignInPage(page).signIn('doctor', 'demo-doctor');
    await page.getByRole('button', { name: /Riverside Family Clinic \(RFC01\)/ }).click();
    const room = new ConsultationPage(page);
    await room.openWorklist();
    await check('tab consultation/worklist', 'consultation worklist');
    await page.getByRole('tab', { name: 'Patient charts' }).click();
    await page.getByRole('tabpanel').getByRole('textbox', { name: 'Patient' }).waitFor();
    await check('tab consultation/charts', 'consultation patient charts');
    await room.openWorklist();
    await room.worklist().focus();
    await page.keyboard.press('Enter');
    await room.banner().waitFor();
    await room.recordVital(/^Temperature/, '38.6');
    await room.vitalsForm().getByRole('button', { name: 'Save vitals' }).click();
    await page.getByRole('table', { name: 'Vitals of this visit' }).waitFor();
    await room.noteField('Assessment').fill('Febrile illness, likely viral.');
    await room.addDiagnosis('fever unspecified', 'R50.9');
    await room.waitUntilDraftSaved();
    // Orders on the encounter, with one result typed in, so the chart shows its results table too.
    const orders = new OrdersPanelPage(page);
    await orders.chooseTest('blood count', /Complete blood count/);
    await orders.chooseTest('chest x-ray', /Chest X-ray, PA and lateral/);
    await orders.order('Routine', 'Fever for three days');
    await orders.row('Complete blood count').waitFor();
    await check('tab consultation/encounter', 'consultation encounter');
    await checkDialog('dialog orders/ResultsModal', 'Results of Complete blood count', () => orders.panel().getByRole('button', { name: 'Results… (Complete blood count)' }).click());
    const results = await orders.openResults('Complete blood count');
    await results.getByRole('textbox', { name: 'Haemoglobin: result' }).fill('8.0');
    await results.getByRole('button', { name: 'Save results' }).click();
    await results.waitFor({ state: 'detached' });
  });

  it('consultation: the prescription panel with an alert, its override, repeat and print dialogs', async () => {
    // A medicine the patient is allergic to: the alert shows in the panel, then asks for a reason.
    const encounterId = new URL(page.url()).hash.split('/').at(-1) ?? '';
    const detail = await callAsPage<{ encounter: { patient: { id: string } } }>(page, demoHost.url, 'consultation.get', { encounterId });
    await recordAllergyAtFrontDesk(page.request, demoHost.url, detail.encounter.patient.id, { substance: 'Penicillin', reaction: 'Hives', severity: 'MODERATE' });
    const rx = new PrescriptionPanel(page);
    await rx.fillLine('amoxil', 'Amoxicillin 500 mg capsule (Amoxil)', { frequency: 'bd', days: '5' });
    await rx.form().getByRole('list', { name: 'Alerts for this medicine' }).getByRole('listitem').first().waitFor();
    await check('tab consultation/encounter', 'consultation encounter');
    const add = rx.form().getByRole('button', { name: 'Add to prescription' });
    await checkDialog('dialog prescriptions/OverrideModal', /^Override /, () => add.click());
    await add.click();
    await rx.overrideDialog().getByRole('textbox', { name: 'Reason to go ahead' }).fill('Allergy record doubted; tolerated before');
    await rx.overrideDialog().getByRole('button', { name: 'Override and add' }).click();
    await rx.lines().waitFor();
    await check('tab consultation/encounter', 'consultation encounter with a prescription');
    await checkDialog('dialog prescriptions/RepeatModal', 'Repeat an earlier prescription', async () => {
      await rx.panel().getByRole('button', { name: 'Repeat earlier…' }).click();
      await page.getByText('This patient has no earlier signed prescription.').waitFor();
    });
    await checkDialog('dialog prescriptions/PrintModal', /^Print prescription /, async () => {
      await rx.panel().getByRole('button', { name: 'Print…' }).click();
      await rx.printDialog().getByRole('link', { name: 'Save PDF' }).waitFor();
    });
  });

  it('consultation: the signed encounter’s dialogs and the chart', async () => {
    await page.getByRole('button', { name: 'Sign note' }).click();
    await page.getByRole('article', { name: /^Note signed by/ }).waitFor();
    await checkDialog('dialog consultation/AmendModal', 'Amend the signed note', () => page.getByRole('button', { name: 'Amend…' }).click());
    await checkDialog('dialog consultation/CompleteModal', 'Complete the encounter', () => page.getByRole('button', { name: 'Complete…' }).click());
    await page.getByRole('button', { name: 'Open chart' }).click();
    await page.getByRole('listbox', { name: 'Encounters' }).waitFor();
    await page.getByRole('figure', { name: 'Temperature over time' }).waitFor();
    await new OrdersPanelPage(page).resultsOverTime().getByRole('cell', { name: '8.0 ↓ low' }).waitFor();
    await page.getByRole('table', { name: 'Prescriptions over time' }).getByText('Amoxicillin 500 mg capsule (Amoxil)').waitFor();
    await check('tab consultation/chart', 'consultation chart');
    await checkDialog('dialog consultation/RecordVitalsModal', /^Vitals of /, () => page.getByRole('button', { name: 'Record vitals' }).click());
    const documents = new DocumentsPage(page);
    await checkDialog('dialog documents/AttachDocumentModal', 'Attach a document', () => documents.openAttach());
    await documents.attach({ name: 'rash.png', mimeType: 'image/png', buffer: samplePng(240, 160, 2) }, { type: 'Photo', date: '2026-02-21', title: 'Rash on the forearm' });
    await documents.table().getByRole('cell', { name: 'Rash on the forearm', exact: true }).waitFor();
    await check('tab consultation/chart', 'consultation chart with a document');
    await checkDialog('dialog documents/DocumentViewerModal', 'Photo: Rash on the forearm', async () => {
      const viewer = await documents.view('Rash on the forearm');
      await viewer.getByRole('img', { name: 'Rash on the forearm' }).waitFor();
    });
  });

  it('procedures, as the demo doctor: the procedures panel, a treatment plan on the encounter and the chart, and their dialogs', async () => {
    // The encounter above is signed; one started from the chart is open for procedures.
    await page.getByRole('button', { name: 'Start unscheduled encounter' }).click();
    await page.getByRole('button', { name: 'Record procedure…' }).waitFor();
    const plans = new TreatmentPlansPage(page);
    const planTitle = 'Fever follow-up';
    await checkDialog('dialog procedures/RecordProcedureModal', 'Record a procedure', () => page.getByRole('button', { name: 'Record procedure…' }).click());
    await plans.recordProcedure('GEN-GLU', '');
    await checkDialog('dialog procedures/PlanFormModal', 'New treatment plan', () => page.getByRole('button', { name: 'New treatment plan…' }).click());
    await plans.createPlan(planTitle);
    await checkDialog('dialog procedures/StepFormModal', `Add a step to ${planTitle}`, () => plans.plan(planTitle).getByRole('button', { name: 'Add step…' }).click());
    await plans.addStep(planTitle, { code: 'GEN-URINE', site: '', plannedDate: new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('en-CA', { timeZone: clinicZone.zone }) });
    await checkDialog('dialog procedures/BookStepModal', /^Book step 1: /, () => page.getByRole('button', { name: `Book step 1 of ${planTitle}` }).click());
    await check('tab consultation/encounter', 'consultation encounter with procedures and a plan');
    await page.getByRole('button', { name: 'Open chart' }).click();
    await plans.plan(planTitle).waitFor();
    await check('tab consultation/chart', 'consultation chart with a treatment plan');
    // The clinic's open orders, where results are typed in away from the encounter.
    await new AppShellPage(page).open('Consultation');
    await page.getByRole('tab', { name: 'Lab orders' }).click();
    await page.getByRole('table', { name: 'Orders waiting' }).getByRole('row').filter({ hasText: 'Chest X-ray, PA and lateral' }).waitFor();
    await check('tab consultation/orders', 'consultation lab orders');
  });

  it('change of a temporary password at first sign-in', async () => {
    await new AppShellPage(page).signOut();
    await new SignInPage(page).signIn(usher.username, usher.password);
    await page.getByRole('form', { name: 'Choose a new password' }).waitFor();
    await check('screen ChangePasswordScreen', 'change password');
  });

  // Runs last: a screen, tab or dialog added to the app without a check above fails here.
  it('checked every screen, tab and dialog the renderer has', () => {
    const missing = screensToCheck().filter((key) => !checked.has(key));
    expect(missing).toEqual([]);
  });
});

