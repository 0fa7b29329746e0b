import type { ClinicId, DeviceId } from '#shared/domain/ids.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allocateNumber, BLOCK_SIZE } from '#core/references/number-blocks.ts';
import { nextToken } from '#core/references/tokens.ts';
import { doctorWithSchedule, patientInput, setUpClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';

describe('the waiting queue', () => {
  let harness: Harness;
  let admin: string;
  let doctor: { token: string; userId: string };
  const patients: string[] = [];
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    doctor = await doctorWithSchedule(harness, admin, 'drbell');
    patients.length = 0;
    for (const [index, name] of ['Priya', 'Tom', 'Lena', 'Omar'].entries()) {
      const record = await harness.call('patients.register', { ...patientInput({ givenName: name, familyName: `Family${index}`, phone: '', birth: { kind: 'date', date: `198${index}-01-01` } }), notADuplicate: false }, admin);
      patients.push(record.id);
    }
  });
  afterEach(() => harness.close());

  const walkIn = (patientIndex: number, priority: 'RED' | 'ORANGE' | 'GREEN', doctorUserId: string | null = null) =>
    harness.call('queue.addWalkIn', { patientId: patients[patientIndex] ?? '', doctorUserId, priority }, admin);

  it('checks in a booked patient with a token and the appointment’s priority', async () => {
    const appointment = await harness.call('appointments.book', { patientId: patients[0] ?? '', doctorUserId: doctor.userId, startAt: '2026-03-02T10:00:00.000Z', type: 'FOLLOW_UP', reason: '', notes: '' }, admin);
    const entry = await harness.call('queue.checkIn', { appointmentId: appointment.id }, admin);
    expect(entry).toMatchObject({ token: 'A1', priority: 'ORANGE', status: 'WAITING', appointmentReference: appointment.reference, doctor: { userId: doctor.userId } });
    expect((await harness.call('appointments.list', { fromDate: '2026-03-02', toDate: '2026-03-02' }, admin)).appointments[0]?.status).toBe('CHECKED_IN');
    expect((await harness.fail('queue.checkIn', { appointmentId: appointment.id }, admin)).code).toBe('CONFLICT');
    const tomorrow = await harness.call('appointments.book', { patientId: patients[1] ?? '', doctorUserId: doctor.userId, startAt: '2026-03-03T10:00:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin);
    expect((await harness.fail('queue.checkIn', { appointmentId: tomorrow.id }, admin)).message).toBe(`Appointment ${tomorrow.reference} is on 2026-03-03, not today.`);
  });

  it('orders by priority first, then arrival', async () => {
    await walkIn(0, 'GREEN');
    harness.clock.advance(60_000);
    await walkIn(1, 'ORANGE');
    harness.clock.advance(60_000);
    await walkIn(2, 'GREEN');
    harness.clock.advance(60_000);
    await walkIn(3, 'RED');
    const { entries } = await harness.call('queue.list', {}, admin);
    expect(entries.map((entry) => [entry.token, entry.priority])).toEqual([
      ['A4', 'RED'],
      ['A2', 'ORANGE'],
      ['A1', 'GREEN'],
      ['A3', 'GREEN'],
    ]);
    expect((await harness.fail('queue.addWalkIn', { patientId: patients[0] ?? '', doctorUserId: null, priority: 'GREEN' }, admin)).message).toBe("This patient is already in today's queue with token A1.");
  });

  it('calls, starts and finishes a consultation, completing the appointment and recording the visit', async () => {
    const appointment = await harness.call('appointments.book', { patientId: patients[0] ?? '', doctorUserId: doctor.userId, startAt: '2026-03-02T10:00:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin);
    const entry = await harness.call('queue.checkIn', { appointmentId: appointment.id }, admin);
    expect(await harness.call('queue.call', { entryId: entry.id, room: 'Room 2' }, doctor.token)).toMatchObject({ status: 'CALLED', room: 'Room 2', calledAt: '2026-03-02T09:00:00.000Z' });
    harness.clock.advance(120_000);
    expect((await harness.call('queue.start', { entryId: entry.id }, doctor.token)).status).toBe('IN_CONSULTATION');
    harness.clock.advance(600_000);
    const done = await harness.call('queue.finish', { entryId: entry.id }, doctor.token);
    expect(done).toMatchObject({ status: 'DONE', finishedAt: '2026-03-02T09:12:00.000Z' });
    const { appointments } = await harness.call('appointments.list', { fromDate: '2026-03-02', toDate: '2026-03-02' }, admin);
    expect(appointments[0]?.status).toBe('COMPLETED');
    const [hit] = (await harness.call('patients.search', { query: 'priya' }, admin)).results;
    expect(hit?.lastVisitAt).toBe('2026-03-02T10:00:00.000Z');
    expect((await harness.fail('queue.start', { entryId: entry.id }, admin)).code).toBe('CONFLICT');
  });

  it('lets a doctor handle only their own patients and those waiting for any doctor', async () => {
    const other = await doctorWithSchedule(harness, admin, 'drkhan');
    const forOther = await walkIn(0, 'GREEN', other.userId);
    const forAnyone = await walkIn(1, 'GREEN', null);
    expect((await harness.fail('queue.call', { entryId: forOther.id, room: '1' }, doctor.token)).message).toBe('This patient is waiting for another doctor.');
    const claimed = await harness.call('queue.call', { entryId: forAnyone.id, room: '3' }, doctor.token);
    expect(claimed.doctor?.userId).toBe(doctor.userId);
    expect((await harness.fail('queue.addWalkIn', { patientId: patients[2] ?? '', doctorUserId: null, priority: 'GREEN' }, doctor.token)).code).toBe('FORBIDDEN');
  });

  it('puts a called patient back to waiting, and records one who left without being seen', async () => {
    const appointment = await harness.call('appointments.book', { patientId: patients[0] ?? '', doctorUserId: doctor.userId, startAt: '2026-03-02T10:00:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin);
    const entry = await harness.call('queue.checkIn', { appointmentId: appointment.id }, admin);
    await harness.call('queue.call', { entryId: entry.id, room: '2' }, admin);
    expect(await harness.call('queue.requeue', { entryId: entry.id }, admin)).toMatchObject({ status: 'WAITING', room: '', calledAt: null });
    expect((await harness.call('queue.markLeft', { entryId: entry.id }, admin)).status).toBe('LEFT');
    const [stored] = (await harness.call('appointments.list', { fromDate: '2026-03-02', toDate: '2026-03-02' }, admin)).appointments;
    expect(stored).toMatchObject({ status: 'CANCELLED', cancelReason: 'Left without being seen' });
  });

  it('feeds the waiting-room screen tokens and rooms, never names, through a revocable key', async () => {
    const first = await walkIn(0, 'GREEN');
    await walkIn(1, 'RED');
    await harness.call('queue.call', { entryId: first.id, room: 'Room 4' }, admin);
    const { key, path } = await harness.call('display.createLink', {}, admin);
    expect(path).toBe(`display.html#key=${key}`);
    const board = harness.core.queueBoard(key);
    expect(board).toEqual({ clinicName: 'Riverside Family Clinic', called: [{ token: 'A1', room: 'Room 4', doctorName: null, calledAt: '2026-03-02T09:00:00.000Z' }], waiting: [{ token: 'A2', priority: 'RED' }] });
    expect(JSON.stringify(board)).not.toMatch(/Priya|Tom|Family\d|RFC01-M/);
    let changes = 0;
    const stop = harness.core.subscribeBoard(key, { changed: () => (changes += 1), revoked: () => undefined });
    await harness.call('queue.markLeft', { entryId: first.id }, admin);
    expect(changes).toBe(1);
    stop();
    expect(harness.core.queueBoard('not-a-real-key-at-all-000')).toBeNull();
    await harness.call('display.revokeLinks', {}, admin);
    expect(harness.core.queueBoard(key)).toBeNull();
  });
});

describe('references and tokens stay unique per workstation', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
    await setUpClinic(harness);
  });
  afterEach(() => harness.close());

  it('hands two devices of one database disjoint number blocks, and a new block when one runs out', () => {
    const { db } = harness.core.database;
    const clinicId = harness.core.database.sqlite.prepare('select id from clinics').pluck().get() as ClinicId;
    const numbers = { a: new Set<number>(), b: new Set<number>() };
    for (let index = 0; index < BLOCK_SIZE + 5; index += 1) {
      numbers.a.add(allocateNumber(db, { clinicId, series: 'A', deviceId: 'device-a' as DeviceId, nowMs: 0 }));
      if (index < 10) numbers.b.add(allocateNumber(db, { clinicId, series: 'A', deviceId: 'device-b' as DeviceId, nowMs: 0 }));
    }
    expect(numbers.a.size).toBe(BLOCK_SIZE + 5);
    expect([...numbers.b].filter((number) => numbers.a.has(number))).toEqual([]);
    expect(Math.min(...numbers.a)).toBe(1001);
  });

  it('numbers tokens per day in the workstation’s own series', () => {
    const { db, sqlite } = harness.core.database;
    const clinicId = sqlite.prepare('select id from clinics').pluck().get() as ClinicId;
    expect([nextToken(db, clinicId, '2026-03-02').token, nextToken(db, clinicId, '2026-03-02').token, nextToken(db, clinicId, '2026-03-03').token]).toEqual(['A1', 'A2', 'A1']);
    sqlite.prepare(`insert into local_meta (key, value) values ('token_series', 'B')`).run();
    expect(nextToken(db, clinicId, '2026-03-02').token).toBe('B1');
  });
});
