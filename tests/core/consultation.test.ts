import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enteredVitalKinds, vitalDefinitions } from '#shared/modules/consultation/vitals.ts';
import { doctorWithSchedule, patientInput, setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

const note = { subjective: 'Sore throat for three days', objective: 'Red pharynx, no exudate', assessment: 'Viral pharyngitis', plan: 'Fluids, paracetamol, review if worse' };
const pharyngitis = { code: 'J02.9', title: 'Acute pharyngitis, unspecified', rank: 'PRIMARY', certainty: 'CONFIRMED', chronic: false } as const;
const hypertension = { code: 'I10', title: 'Essential (primary) hypertension', rank: 'SECONDARY', certainty: 'CONFIRMED', chronic: true } as const;

describe('the consultation', () => {
  let harness: Harness;
  let admin: string;
  let doctor: { token: string; userId: string };
  let staff: { token: string; userId: string };
  let pharmacist: { token: string; userId: string };
  let patientCount = 0;

  beforeAll(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    doctor = await doctorWithSchedule(harness, admin, 'drbell');
    staff = await userWithRole(harness, admin, 'STAFF', 'desk');
    pharmacist = await userWithRole(harness, admin, 'PHARMACIST', 'pharm');
  });
  afterAll(() => harness.close());

  async function newPatient(overrides: Record<string, unknown> = {}) {
    patientCount += 1;
    const record = await harness.call('patients.register', { ...patientInput({ givenName: `Case${String(patientCount)}`, familyName: 'Consult', phone: '', birth: { kind: 'date', date: `1970-01-${String(10 + patientCount)}` }, ...overrides }), notADuplicate: true }, admin);
    return record.id;
  }

  async function walkInStarted(patientId: string) {
    const entry = await harness.call('queue.addWalkIn', { patientId, doctorUserId: doctor.userId, priority: 'GREEN' }, admin);
    const encounter = await harness.call('consultation.start', { queueEntryId: entry.id }, doctor.token);
    return { entry, encounter };
  }

  async function signed(encounterId: string, diagnoses: readonly (typeof pharyngitis | typeof hypertension)[] = [pharyngitis]) {
    const draft = await harness.call('consultation.saveDraft', { encounterId, ...note, diagnoses: [...diagnoses], basedOn: null }, doctor.token);
    return harness.call('consultation.sign', { encounterId, draftId: draft.id, version: draft.version }, doctor.token);
  }

  it.each(enteredVitalKinds)('refuses an implausible %s and keeps a plausible one, flagged against the normal range', async (kind) => {
    const patientId = await newPatient();
    const { plausible, normal } = vitalDefinitions[kind];
    const values = (value: number) => (kind === 'SYSTOLIC' ? { SYSTOLIC: value, DIASTOLIC: 40 } : kind === 'DIASTOLIC' ? { SYSTOLIC: 260, DIASTOLIC: value } : { [kind]: value });
    for (const wrong of [plausible[0] - 1, plausible[1] * 10 + 7]) {
      const error = await harness.fail('consultation.recordVitals', { patientId, encounterId: null, values: values(wrong) }, staff.token);
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toContain('cannot be right');
    }
    const inside = normal === null ? plausible[0] : normal[0];
    const { readings } = await harness.call('consultation.recordVitals', { patientId, encounterId: null, values: values(inside) }, staff.token);
    const reading = readings.find((candidate) => candidate.kind === kind);
    expect(reading).toMatchObject({ value: inside, unit: vitalDefinitions[kind].unit, loinc: vitalDefinitions[kind].loinc, flag: null });
    if (normal !== null && normal[1] < plausible[1]) {
      const high = await harness.call('consultation.recordVitals', { patientId, encounterId: null, values: values(kind === 'DIASTOLIC' ? Math.min(normal[1] + 1, 259) : Math.min(normal[1] + 1, plausible[1])) }, staff.token);
      expect(high.readings.find((candidate) => candidate.kind === kind)?.flag).toBe('HIGH');
    }
  });

  it('says what is wrong with a typed temperature of 377, stores nothing, and computes BMI from height and weight', async () => {
    const patientId = await newPatient();
    const error = await harness.fail('consultation.recordVitals', { patientId, encounterId: null, values: { TEMPERATURE: 377 } }, staff.token);
    expect(error.message).toBe('Temperature 377 °C cannot be right: it must be between 30 and 45 °C. Check for a typo.');
    const { readings } = await harness.call('consultation.recordVitals', { patientId, encounterId: null, values: { HEIGHT: 170, WEIGHT: 81 } }, staff.token);
    expect(readings.find((reading) => reading.kind === 'BMI')).toMatchObject({ value: 28, flag: 'HIGH', loinc: '39156-5' });
    const chart = await harness.call('consultation.chart', { patientId }, doctor.token);
    expect(chart.vitals.map((reading) => reading.kind).sort()).toEqual(['BMI', 'HEIGHT', 'WEIGHT']);
  });

  it('starts from the worklist: the queue entry goes in consultation and the encounter links patient, appointment, entry, doctor and workstation', async () => {
    const patientId = await newPatient();
    const appointment = await harness.call('appointments.book', { patientId, doctorUserId: doctor.userId, startAt: '2026-03-02T11:00:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin);
    const entry = await harness.call('queue.checkIn', { appointmentId: appointment.id }, admin);
    const before = await harness.call('consultation.worklist', {}, doctor.token);
    expect(before.queue.map((waiting) => waiting.id)).toContain(entry.id);
    expect(before.appointments.map((booked) => booked.id)).toContain(appointment.id);
    const encounter = await harness.call('consultation.start', { queueEntryId: entry.id }, doctor.token);
    expect(encounter).toMatchObject({ status: 'OPEN', origin: 'QUEUE', queueEntryId: entry.id, appointmentReference: appointment.reference, patient: { id: patientId }, doctor: { userId: doctor.userId } });
    expect(encounter.reference).toMatch(/^RFC01-V\d+$/);
    const row = harness.core.database.sqlite.prepare('select device_id, clinic_id from encounters where id = ?').get(encounter.id) as { device_id: string; clinic_id: string };
    expect(row.device_id).toBe(harness.core.identity.deviceId);
    const queue = await harness.call('queue.list', {}, admin);
    expect(queue.entries.find((candidate) => candidate.id === entry.id)?.status).toBe('IN_CONSULTATION');
    // Starting it again resumes the same encounter.
    expect((await harness.call('consultation.start', { queueEntryId: entry.id }, doctor.token)).id).toBe(encounter.id);
    expect((await harness.call('consultation.worklist', {}, doctor.token)).openEncounters.map((open) => open.id)).toContain(encounter.id);
  });

  it('opens an unscheduled encounter from the chart, outside the queue', async () => {
    const patientId = await newPatient();
    const encounter = await harness.call('consultation.startUnscheduled', { patientId }, doctor.token);
    expect(encounter).toMatchObject({ origin: 'UNSCHEDULED', queueEntryId: null, appointmentReference: null, status: 'OPEN' });
  });

  it('shows the front desk’s vitals of the day in the encounter the doctor opens afterwards', async () => {
    const patientId = await newPatient();
    await harness.call('consultation.recordVitals', { patientId, encounterId: null, values: { TEMPERATURE: 38.4, PULSE: 104 } }, staff.token);
    const { encounter } = await walkInStarted(patientId);
    const detail = await harness.call('consultation.get', { encounterId: encounter.id }, doctor.token);
    expect(detail.vitals.map((reading) => [reading.kind, reading.value, reading.flag])).toEqual([
      ['TEMPERATURE', 38.4, 'HIGH'],
      ['PULSE', 104, 'HIGH'],
    ]);
  });

  it('signs the note with its diagnoses; the signed records refuse every change, in the calls and in the database', async () => {
    const patientId = await newPatient();
    const { encounter } = await walkInStarted(patientId);
    const signedNote = await signed(encounter.id, [pharyngitis, hypertension]);
    expect(signedNote).toMatchObject({ kind: 'ORIGINAL', ...note, authorName: 'Test DOCTOR' });
    expect(signedNote.diagnoses.map((diagnosis) => diagnosis.code)).toEqual(['J02.9', 'I10']);
    expect((await harness.fail('consultation.saveDraft', { encounterId: encounter.id, ...note, subjective: 'changed', diagnoses: [], basedOn: null }, doctor.token)).code).toBe('CONFLICT');
    expect((await harness.fail('consultation.sign', { encounterId: encounter.id, draftId: signedNote.id, version: 1 }, doctor.token)).code).toBe('CONFLICT');
    const sqlite = harness.core.database.sqlite;
    expect(() => sqlite.prepare('update encounter_notes set plan = ? where id = ?').run('rewritten', signedNote.id)).toThrow(/cannot be changed/);
    expect(() => sqlite.prepare('delete from encounter_notes where id = ?').run(signedNote.id)).toThrow();
    expect(() => sqlite.prepare('update encounter_diagnoses set code = ? where note_id = ?').run('Z00.0', signedNote.id)).toThrow(/cannot be changed/);
    const detail = await harness.call('consultation.get', { encounterId: encounter.id }, doctor.token);
    expect(detail.notes[0]?.plan).toBe(note.plan);
    expect(detail.problems).toContainEqual(expect.objectContaining({ source: 'DIAGNOSIS', code: 'I10' }));
  });

  it('refuses to sign a note the doctor has not seen in its latest version, or one that is empty', async () => {
    const patientId = await newPatient();
    const { encounter } = await walkInStarted(patientId);
    const first = await harness.call('consultation.saveDraft', { encounterId: encounter.id, ...note, diagnoses: [pharyngitis], basedOn: null }, doctor.token);
    await harness.call('consultation.saveDraft', { encounterId: encounter.id, ...note, plan: 'Changed plan', diagnoses: [pharyngitis], basedOn: { draftId: first.id, version: first.version } }, doctor.token);
    expect((await harness.fail('consultation.sign', { encounterId: encounter.id, draftId: first.id, version: first.version }, doctor.token)).message).toBe('The note changed since you last saw it; check it and sign again.');
    const empty = await harness.call('consultation.saveDraft', { encounterId: encounter.id, subjective: '', objective: '', assessment: '', plan: '', diagnoses: [], basedOn: null }, doctor.token);
    expect((await harness.fail('consultation.sign', { encounterId: encounter.id, draftId: empty.id, version: empty.version }, doctor.token)).message).toMatch(/empty/);
  });

  it('amends a signed note with a reason: the original stays as it was, both are shown, attributed and audited', async () => {
    const patientId = await newPatient();
    const { encounter } = await walkInStarted(patientId);
    const original = await signed(encounter.id);
    expect((await harness.fail('consultation.amend', { noteId: original.id, reason: '  ', ...note, diagnoses: [] }, doctor.token)).code).toBe('VALIDATION');
    const amendment = await harness.call('consultation.amend', { noteId: original.id, reason: 'Wrong side recorded', subjective: '', objective: 'Left tonsil, not right', assessment: '', plan: '', diagnoses: [] }, doctor.token);
    expect(amendment).toMatchObject({ kind: 'AMENDMENT', amendsNoteId: original.id, reason: 'Wrong side recorded', authorName: 'Test DOCTOR' });
    const detail = await harness.call('consultation.get', { encounterId: encounter.id }, doctor.token);
    expect(detail.notes.map((shown) => [shown.kind, shown.objective])).toEqual([
      ['ORIGINAL', note.objective],
      ['AMENDMENT', 'Left tonsil, not right'],
    ]);
    const audited = harness.core.database.sqlite.prepare(`select user_id, detail from audit_log where action = 'consultation.amend' and entity_id = ? and outcome = 'SUCCESS'`).get(encounter.id) as { user_id: string; detail: string };
    expect(audited.user_id).toBe(doctor.userId);
    expect(JSON.parse(audited.detail)).toMatchObject({ amends: original.id, amendmentId: amendment.id });
  });

  it('completes: the queue entry is done, the appointment completed, and the billable items recorded for billing', async () => {
    const patientId = await newPatient();
    const appointment = await harness.call('appointments.book', { patientId, doctorUserId: doctor.userId, startAt: '2026-03-02T11:30:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin);
    const entry = await harness.call('queue.checkIn', { appointmentId: appointment.id }, admin);
    const encounter = await harness.call('consultation.start', { queueEntryId: entry.id }, doctor.token);
    expect((await harness.fail('consultation.complete', { encounterId: encounter.id, items: [] }, doctor.token)).message).toBe('Sign the note before completing the encounter.');
    await signed(encounter.id);
    expect((await harness.fail('consultation.complete', { encounterId: encounter.id, items: [{ code: 'NOPE', quantity: 1 }] }, doctor.token)).message).toBe('NOPE is not in the catalogue of services.');
    const completed = await harness.call('consultation.complete', { encounterId: encounter.id, items: [{ code: 'PROC-ECG', quantity: 1 }] }, doctor.token);
    expect(completed.status).toBe('COMPLETED');
    const queue = await harness.call('queue.list', {}, admin);
    expect(queue.entries.find((candidate) => candidate.id === entry.id)?.status).toBe('DONE');
    const booked = await harness.call('appointments.list', { fromDate: '2026-03-02', toDate: '2026-03-02' }, admin);
    expect(booked.appointments.find((candidate) => candidate.id === appointment.id)?.status).toBe('COMPLETED');
    const detail = await harness.call('consultation.get', { encounterId: encounter.id }, doctor.token);
    expect(detail.billableItems.map((item) => [item.code, item.quantity, item.unitPriceMinor])).toEqual([
      ['CONS-NEW', 1, 5000],
      ['PROC-ECG', 1, 3500],
    ]);
    expect((await harness.call('consultation.worklist', {}, doctor.token)).queue.map((waiting) => waiting.id)).not.toContain(entry.id);
  });

  it('offers the clinic’s templates and the doctor’s own, and the previous encounter’s note in the next one', async () => {
    const clinicTemplate = await harness.call('consultation.saveTemplate', { name: 'Sore throat', scope: 'CLINIC', subjective: 'Sore throat for … days', objective: 'Throat:', assessment: '', plan: '' }, doctor.token);
    const own = await harness.call('consultation.saveTemplate', { name: 'My review', scope: 'DOCTOR', subjective: '', objective: '', assessment: '', plan: 'Review in two weeks' }, doctor.token);
    const other = await userWithRole(harness, admin, 'DOCTOR', 'drother');
    const seenByOther = await harness.call('consultation.templates', {}, other.token);
    expect(seenByOther.templates.map((template) => template.name)).toEqual(['Sore throat']);
    expect((await harness.fail('consultation.saveTemplate', { id: own.id, name: 'Taken over', scope: 'DOCTOR', subjective: '', objective: '', assessment: '', plan: '' }, other.token)).code).toBe('FORBIDDEN');
    expect((await harness.call('consultation.templates', {}, doctor.token)).templates.map((template) => [template.name, template.scope])).toEqual([
      ['My review', 'DOCTOR'],
      ['Sore throat', 'CLINIC'],
    ]);
    expect(clinicTemplate.scope).toBe('CLINIC');

    const patientId = await newPatient();
    const first = await harness.call('consultation.startUnscheduled', { patientId }, doctor.token);
    const firstNote = await signed(first.id);
    harness.clock.advance(60_000);
    const second = await harness.call('consultation.startUnscheduled', { patientId }, doctor.token);
    const detail = await harness.call('consultation.get', { encounterId: second.id }, doctor.token);
    expect(detail.previousNote).toMatchObject({ id: firstNote.id, assessment: note.assessment });
  });

  it('gives the front desk the chart summary without notes, and refuses the chart to an administrator and a pharmacist; every opening is audited', async () => {
    const patientId = await newPatient({ conditions: [{ name: 'Asthma', notes: '' }] });
    const { encounter } = await walkInStarted(patientId);
    await signed(encounter.id);
    const full = await harness.call('consultation.chart', { patientId }, doctor.token);
    expect(full.summaryOnly).toBe(false);
    expect(full.encounters[0]?.notes[0]?.subjective).toBe(note.subjective);
    expect(full.problems).toContainEqual({ source: 'REGISTRATION', name: 'Asthma', code: null, since: null });
    const summary = await harness.call('consultation.chart', { patientId }, staff.token);
    expect(summary.summaryOnly).toBe(true);
    expect(summary.encounters[0]?.notes).toEqual([]);
    expect(summary.encounters[0]?.diagnoses.map((diagnosis) => diagnosis.code)).toEqual(['J02.9']);
    expect((await harness.fail('consultation.chart', { patientId }, admin)).code).toBe('FORBIDDEN');
    expect((await harness.fail('consultation.chart', { patientId }, pharmacist.token)).code).toBe('FORBIDDEN');
    expect((await harness.fail('consultation.get', { encounterId: encounter.id }, staff.token)).code).toBe('FORBIDDEN');
    const openings = harness.core.database.sqlite.prepare(`select user_id, device_id, at from audit_log where action = 'consultation.chart' and entity_id = ? and outcome = 'SUCCESS' order by at`).all(patientId) as { user_id: string; device_id: string }[];
    expect(openings.map((opening) => opening.user_id)).toEqual([doctor.userId, staff.userId]);
    expect(openings.every((opening) => opening.device_id === harness.core.identity.deviceId)).toBe(true);
  });
});

describe('an unsigned draft', () => {
  it('survives a lock of the screen and closing and reopening the database file, whole', async () => {
    const dir = makeTempDir();
    try {
      let harness = await startHarness(dir.path);
      const admin = await setUpClinic(harness);
      const doctor = await doctorWithSchedule(harness, admin, 'drkeep');
      const patient = await harness.call('patients.register', { ...patientInput(), notADuplicate: false }, admin);
      const encounter = await harness.call('consultation.startUnscheduled', { patientId: patient.id }, doctor.token);
      const first = await harness.call('consultation.saveDraft', { encounterId: encounter.id, ...note, subjective: 'typed before the lock', diagnoses: [pharyngitis], basedOn: null }, doctor.token);
      // The screen locks while the doctor types: the autosave still lands; other calls wait for the password.
      await harness.call('auth.lock', {}, doctor.token);
      const saved = await harness.call('consultation.saveDraft', { encounterId: encounter.id, ...note, diagnoses: [pharyngitis], basedOn: { draftId: first.id, version: first.version } }, doctor.token);
      expect((await harness.fail('consultation.get', { encounterId: encounter.id }, doctor.token)).code).toBe('UNAUTHENTICATED');
      await harness.close();

      harness = await startHarness(dir.path);
      const signedIn = await harness.call('auth.signIn', { username: 'drkeep', password: 'drkeep-own-password' });
      const detail = await harness.call('consultation.get', { encounterId: encounter.id }, signedIn.token);
      expect(detail.draft).toMatchObject({ id: saved.id, version: saved.version, ...note, diagnoses: [pharyngitis] });
      await harness.close();
    } finally {
      dir.remove();
    }
  });
});
