import { createCore, type Core } from '#core/core.ts';
import { samplePersonName, seededRandom } from '#core/demo/sample-names.ts';
import { systemClock } from '#core/platform/clock.ts';
import { newId } from '#core/platform/ids.ts';
import { adminAccount, patientInput, sampleClinic } from '#tests/support/core-harness.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { percentile, round, type BenchSuite, type Figure } from '../figures.ts';

const CHART_ENCOUNTERS = 200;
const CHART_VITALS = 1000;
const SIGNINGS = 300;
const CHART_OPENINGS = 300;

type Scale = { readonly patients: number; readonly encounters: number };

async function call(core: Core, name: string, input: unknown, token: string): Promise<Record<string, unknown>> {
  const outcome = await core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return outcome.result as Record<string, unknown>;
}

/** Other patients and their encounters, written straight to the tables: the clinic's history around the chart read. */
function loadHistory(core: Core, ids: { clinicId: string; doctorId: string; deviceId: string }, scale: Scale): void {
  const { sqlite } = core.database;
  const random = seededRandom(34);
  const now = new Date().toISOString();
  const patient = sqlite.prepare(`insert into patients (id, mrn, registered_clinic_id, given_name, family_name, sex, birth_date, phone, phone_digits_reversed, created_at, updated_at) values (?, ?, ?, ?, ?, 'FEMALE', '1970-01-01', '', '', ?, ?)`);
  const encounter = sqlite.prepare(
    `insert into encounters (id, clinic_id, reference, patient_id, doctor_user_id, device_id, origin, status, started_at, signed_at, completed_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'UNSCHEDULED', 'COMPLETED', ?, ?, ?, ?, ?)`,
  );
  const patientIds: string[] = [];
  sqlite.transaction(() => {
    for (let index = 0; index < scale.patients; index += 1) {
      const { givenName, familyName } = samplePersonName(random);
      const id = newId();
      patient.run(id, `RFC01-M${String(900_000_000 + index)}`, ids.clinicId, givenName, familyName, now, now);
      patientIds.push(id);
    }
    for (let index = 0; index < scale.encounters; index += 1) {
      const at = new Date(Date.parse('2020-01-01T08:00:00Z') + index * 60_000).toISOString();
      encounter.run(newId(), ids.clinicId, `RFC01-V${String(900_000_000 + index)}`, patientIds[Math.floor(random() * patientIds.length)], ids.doctorId, ids.deviceId, at, at, at, at, at);
    }
  })();
}

/** One patient's long history: encounters with signed notes and three diagnoses each, and a thousand vitals. */
function loadChart(core: Core, ids: { clinicId: string; doctorId: string; deviceId: string; patientId: string }): void {
  const { sqlite } = core.database;
  const encounter = sqlite.prepare(
    `insert into encounters (id, clinic_id, reference, patient_id, doctor_user_id, device_id, origin, status, started_at, signed_at, completed_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'UNSCHEDULED', 'COMPLETED', ?, ?, ?, ?, ?)`,
  );
  const note = sqlite.prepare(
    `insert into encounter_notes (id, encounter_id, patient_id, kind, subjective, objective, assessment, plan, author_user_id, device_id, signed_at, created_at) values (?, ?, ?, 'ORIGINAL', 'Cough and fever for three days', 'Chest clear, throat red', 'Upper respiratory tract infection', 'Fluids, paracetamol, review in a week', ?, ?, ?, ?)`,
  );
  const diagnosis = sqlite.prepare(`insert into encounter_diagnoses (id, encounter_id, note_id, patient_id, code, title, rank, certainty, chronic, created_at) values (?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', ?, ?)`);
  const vital = sqlite.prepare(`insert into encounter_vitals (id, patient_id, clinic_id, encounter_id, kind, value_hundredths, unit, loinc, measured_at, recorded_by_user_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const codes = [
    ['J06.9', 'Acute upper respiratory infection, unspecified', 0],
    ['I10', 'Essential (primary) hypertension', 1],
    ['E11.9', 'Type 2 diabetes mellitus without complications', 1],
  ] as const;
  const kinds = [
    ['TEMPERATURE', 3710, '°C', '8310-5'],
    ['PULSE', 7800, '/min', '8867-4'],
    ['SYSTOLIC', 13200, 'mmHg', '8480-6'],
    ['DIASTOLIC', 8400, 'mmHg', '8462-4'],
    ['WEIGHT', 8120, 'kg', '29463-7'],
  ] as const;
  sqlite.transaction(() => {
    for (let index = 0; index < CHART_ENCOUNTERS; index += 1) {
      const at = new Date(Date.parse('2021-01-01T09:00:00Z') + index * 7 * 86_400_000).toISOString();
      const encounterId = newId();
      const noteId = newId();
      encounter.run(encounterId, ids.clinicId, `RFC01-V${String(800_000_000 + index)}`, ids.patientId, ids.doctorId, ids.deviceId, at, at, at, at, at);
      note.run(noteId, encounterId, ids.patientId, ids.doctorId, ids.deviceId, at, at);
      for (const [rank, [code, title, chronic]] of codes.entries()) diagnosis.run(newId(), encounterId, noteId, ids.patientId, code, title, rank === 0 ? 'PRIMARY' : 'SECONDARY', chronic, at);
      for (let reading = 0; reading < CHART_VITALS / CHART_ENCOUNTERS; reading += 1) {
        const [kind, value, unit, loinc] = kinds[reading % kinds.length] ?? kinds[0];
        vital.run(newId(), ids.patientId, ids.clinicId, encounterId, kind, value + (index % 7) * 10, unit, loinc, at, ids.doctorId, at);
      }
    }
  })();
}

/**
 * The doctor's room at scale: opening a chart of 200 encounters and 1,000 vitals on a clinic of
 * many patients and encounters, and signing a note with three diagnoses (data, outbox and audit in
 * one transaction, synchronous=FULL), both through the core's dispatcher.
 */
export function consultationSuite(scale: Scale): BenchSuite {
  return {
    title: `Consultation (${scale.patients.toLocaleString('en')} patients, ${scale.encounters.toLocaleString('en')} encounters)`,
    run: async () => {
      const temp = makeTempDir('clinic-bench-consult-');
      try {
        const core = await createCore({ dataDir: temp.path, clock: systemClock, deviceName: 'bench', appVersion: 'bench' });
        const setup = await call(core, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount }, '');
        const admin = setup['token'] as string;
        const clinicId = (setup['activeClinic'] as { clinicId: string }).clinicId;
        const doctor = await call(core, 'users.create', { fullName: 'Dr. Bench', username: 'drbench', email: '', phone: '', password: 'bench-password-1', role: 'DOCTOR' }, admin);
        const doctorToken = (await call(core, 'auth.signIn', { username: 'drbench', password: 'bench-password-1' }, ''))['token'] as string;
        await call(core, 'auth.changePassword', { currentPassword: 'bench-password-1', newPassword: 'bench-password-2' }, doctorToken);
        const ids = { clinicId, doctorId: doctor['id'] as string, deviceId: core.identity.deviceId };
        loadHistory(core, ids, scale);
        const patient = await call(core, 'patients.register', { ...patientInput(), notADuplicate: true }, admin);
        const patientId = patient['id'] as string;
        loadChart(core, { ...ids, patientId });
        core.database.sqlite.pragma('analyze');

        for (let warm = 0; warm < 20; warm += 1) await call(core, 'consultation.chart', { patientId }, doctorToken);
        const openings: number[] = [];
        for (let index = 0; index < CHART_OPENINGS; index += 1) {
          const started = process.hrtime.bigint();
          await call(core, 'consultation.chart', { patientId }, doctorToken);
          openings.push(Number(process.hrtime.bigint() - started) / 1e6);
        }

        const diagnoses = [
          { code: 'J06.9', title: 'Acute upper respiratory infection, unspecified', rank: 'PRIMARY', certainty: 'CONFIRMED', chronic: false },
          { code: 'I10', title: 'Essential (primary) hypertension', rank: 'SECONDARY', certainty: 'CONFIRMED', chronic: true },
          { code: 'E11.9', title: 'Type 2 diabetes mellitus without complications', rank: 'SECONDARY', certainty: 'CONFIRMED', chronic: true },
        ];
        // Five medicines of different classes, none of which interact: the signature copies them and checks them once more.
        const medicines = [
          ['paracetamol', 'N02BE01'],
          ['amlodipine', 'C08CA01'],
          ['metformin', 'A10BA02'],
          ['omeprazole', 'A02BC01'],
          ['cetirizine', 'R06AE07'],
        ] as const;
        const productIds: string[] = [];
        for (const [name, atcCode] of medicines) {
          const created = await call(core, 'medicines.create', { kind: 'MEDICINE', genericName: name, strengthText: '10 mg', strength: { amount: 10, unit: 'mg' }, ingredients: [{ name, strength: '10 mg' }], atcCode }, admin);
          productIds.push(created['id'] as string);
        }
        const signings: number[] = [];
        for (let index = 0; index < SIGNINGS + 20; index += 1) {
          const encounter = await call(core, 'consultation.startUnscheduled', { patientId }, doctorToken);
          for (const productId of productIds) await call(core, 'prescriptions.saveLine', { encounterId: encounter['id'], line: { productId, dose: { amount: 1, unit: 'tablets' }, frequency: 'OD', durationDays: 1 } }, doctorToken);
          const draft = await call(core, 'consultation.saveDraft', { encounterId: encounter['id'], subjective: 'Cough', objective: 'Clear chest', assessment: 'URTI', plan: 'Fluids', diagnoses, basedOn: null }, doctorToken);
          const started = process.hrtime.bigint();
          await call(core, 'consultation.sign', { encounterId: encounter['id'], draftId: draft['id'], version: draft['version'] }, doctorToken);
          if (index >= 20) signings.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        await core.close();
        const figures: Figure[] = [
          { name: 'chart_open_p50_ms', value: round(percentile(openings, 0.5), 2), unit: 'ms', note: `consultation.chart of ${String(CHART_ENCOUNTERS)} encounters, ${String(CHART_VITALS)} vitals, ${String(CHART_ENCOUNTERS * 3)} diagnoses, audited; no prescriptions yet` },
          { name: 'chart_open_p95_ms', value: round(percentile(openings, 0.95), 2), unit: 'ms', note: 'goal: at most 30 ms' },
          { name: 'encounter_sign_p50_ms', value: round(percentile(signings, 0.5), 2), unit: 'ms', note: 'consultation.sign: note, 3 diagnoses and a prescription of 5 medicines (checked again), outbox and audit, one transaction, synchronous=FULL' },
          { name: 'encounter_sign_p95_ms', value: round(percentile(signings, 0.95), 2), unit: 'ms', note: 'goal: at most 5 ms' },
        ];
        return figures;
      } finally {
        temp.remove();
      }
    },
  };
}
