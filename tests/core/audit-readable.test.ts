import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNames } from '#shared/api/contract.ts';
import { auditActionLabel, auditEventLabels, callLabels } from '#shared/modules/audit/action-labels.ts';
import { auditCsv, csvCell } from '#shared/modules/audit/audit-csv.ts';
import { doctorWithSchedule, patientInput, setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

describe('the audit log’s words', () => {
  it('has plain words for every call, since any call can be recorded (a refused one too), and every event', () => {
    const named = [...callNames, ...Object.keys(auditEventLabels)];
    const unnamed = named.filter((name) => {
      const label = auditActionLabel(name);
      return label === name || label.trim() === '' || /\w\.\w/.test(label);
    });
    expect(unnamed).toEqual([]);
    expect(Object.keys(callLabels).sort()).toEqual([...callNames].sort());
    expect(auditActionLabel('patients.get')).toBe('Opened patient record');
    expect(auditActionLabel('queue.start')).toBe('Started a consultation');
  });
});

describe('the audit log, readable', () => {
  let harness: Harness;
  let admin: string;
  let priya: { id: string; mrn: string };
  let tom: { id: string; mrn: string };
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    priya = await harness.call('patients.register', { ...patientInput(), notADuplicate: false }, admin);
    tom = await harness.call('patients.register', { ...patientInput({ givenName: '=HYPERLINK("http://x.test","Tom")', familyName: 'Bell', phone: '', birth: { kind: 'date', date: '1975-05-05' } }), notADuplicate: false }, admin);
  });
  afterEach(() => harness.close());

  it('names the patient of a record, an appointment and a queue entry, by name and record number', async () => {
    const doctor = await doctorWithSchedule(harness, admin, 'drbell');
    await harness.call('patients.get', { patientId: priya.id }, admin);
    const entry = await harness.call('queue.addWalkIn', { patientId: priya.id, doctorUserId: null, priority: 'GREEN' }, admin);
    await harness.call('queue.start', { entryId: entry.id }, doctor.token);
    await harness.call('appointments.book', { patientId: tom.id, doctorUserId: doctor.userId, startAt: '2026-03-02T10:00:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin);

    const { entries } = await harness.call('audit.list', { limit: 100 }, admin);
    const about = (action: string) => entries.find((candidate) => candidate.action === action);
    expect(about('patients.get')?.patient).toEqual({ id: priya.id, givenName: 'Priya', familyName: 'Sharma', mrn: priya.mrn });
    expect(about('queue.addWalkIn')?.patient?.mrn).toBe(priya.mrn);
    expect(about('queue.start')).toMatchObject({ userName: 'Test DOCTOR', patient: { givenName: 'Priya', mrn: priya.mrn } });
    expect(about('appointments.book')?.patient?.mrn).toBe(tom.mrn);
    expect(about('users.create')).toMatchObject({ patient: null, subjectName: 'Test DOCTOR' });
  });

  it('filters by patient: their record, their appointments and their queue entries, nobody else’s', async () => {
    await harness.call('patients.get', { patientId: priya.id }, admin);
    await harness.call('patients.get', { patientId: tom.id }, admin);
    await harness.call('queue.addWalkIn', { patientId: priya.id, doctorUserId: null, priority: 'RED' }, admin);
    const { entries } = await harness.call('audit.list', { patientId: priya.id, limit: 100 }, admin);
    expect(entries.map((entry) => entry.action).sort()).toEqual(['patients.get', 'patients.register', 'queue.addWalkIn']);
    expect(entries.every((entry) => entry.patient?.id === priya.id)).toBe(true);
    const opened = await harness.call('audit.list', { patientId: priya.id, action: 'patients.get', limit: 100 }, admin);
    expect(opened.entries).toHaveLength(1);
  });

  it('stays an administrator’s read: anyone else is refused, and the refusal is recorded', async () => {
    const desk = await userWithRole(harness, admin, 'STAFF', 'desk');
    expect((await harness.fail('audit.list', { patientId: priya.id, limit: 10 }, desk.token)).code).toBe('FORBIDDEN');
    const refused = await harness.call('audit.list', { outcome: 'DENIED', limit: 10 }, admin);
    expect(refused.entries.map((entry) => [entry.action, entry.userName])).toEqual([['audit.list', 'Test STAFF']]);
  });

  it('exports CSV that a spreadsheet reads as text: quoted, with formulas defused', async () => {
    await harness.call('patients.get', { patientId: tom.id }, admin);
    const { entries } = await harness.call('audit.list', { patientId: tom.id, limit: 100 }, admin);
    const csv = auditCsv(entries, 'Europe/London');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('When,Who,Action,Outcome,Patient,Record number,About,Workstation,Detail,Action code');
    expect(lines.at(-1)).toBe('');
    const opened = lines.find((line) => line.includes('Opened patient record'));
    expect(opened).toBe(`2026-03-02 09:00:00,Ada Admin,Opened patient record,Done,"'=HYPERLINK(""http://x.test"",""Tom"") Bell",${tom.mrn},,test-desk,,patients.get`);
  });

  it('quotes and defuses single cells', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+44 7700')).toBe("'+44 7700");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
  });
});
