import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doctorWithSchedule, patientInput, setUpClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';

// The harness clock starts on Monday 2026-03-02 at 09:00 UTC, which is 09:00 in Europe/London.
describe('doctors, schedules and appointments', () => {
  let harness: Harness;
  let admin: string;
  let doctor: { token: string; userId: string };
  let patientId: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    doctor = await doctorWithSchedule(harness, admin, 'drbell');
    patientId = (await harness.call('patients.register', { ...patientInput(), notADuplicate: false }, admin)).id;
  });
  afterEach(() => harness.close());

  const book = (startAt: string, overrides: Record<string, unknown> = {}) =>
    harness.core.dispatch({ call: 'appointments.book', input: { patientId, doctorUserId: doctor.userId, startAt, type: 'IN_PERSON', reason: 'Cough', notes: '', ...overrides }, token: admin });

  it('generates slots in the clinic’s zone, across the change to summer time', async () => {
    const { slots } = await harness.call('slots.list', { doctorUserId: doctor.userId, fromDate: '2026-03-23', toDate: '2026-03-30' }, admin);
    const mondays = slots.filter((slot) => slot.localDate === '2026-03-23' || slot.localDate === '2026-03-30');
    expect(mondays.filter((slot) => slot.localStart === '09:00').map((slot) => slot.startAt)).toEqual(['2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    expect(slots.filter((slot) => slot.localDate === '2026-03-23').map((slot) => slot.localStart)).toEqual(['09:00', '09:30', '10:00', '11:00', '11:30']);
    expect(slots.some((slot) => slot.localDate === '2026-03-28')).toBe(false);
  });

  it('offers the next free slot and books it with a unique reference', async () => {
    const { found } = await harness.call('slots.nextFree', { doctorUserId: doctor.userId }, admin);
    expect(found?.slot.startAt).toBe('2026-03-02T09:30:00.000Z');
    const booked = await harness.call('appointments.book', { patientId, doctorUserId: doctor.userId, startAt: found?.slot.startAt ?? '', type: 'IN_PERSON', reason: 'Cough', notes: '' }, admin);
    expect(booked).toMatchObject({ reference: 'RFC01-A1001', status: 'SCHEDULED', doctor: { fullName: 'Test DOCTOR' }, patient: { givenName: 'Priya' } });
    const next = await harness.call('slots.nextFree', { doctorUserId: doctor.userId }, admin);
    expect(next.found?.slot.startAt).toBe('2026-03-02T10:00:00.000Z');
    const second = await book('2026-03-03T09:00:00.000Z');
    expect(second.ok && (second.result as { reference: string }).reference).toBe('RFC01-A1002');
  });

  it('refuses double booking of a doctor or a patient, times off the schedule, and the past', async () => {
    expect((await book('2026-03-02T09:30:00.000Z')).ok).toBe(true);
    const other = (await harness.call('patients.register', { ...patientInput({ givenName: 'Tom', familyName: 'Baker', phone: '', birth: { kind: 'date', date: '1960-01-01' } }), notADuplicate: false }, admin)).id;
    const doctorTaken = await book('2026-03-02T09:30:00.000Z', { patientId: other });
    expect(doctorTaken).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Test DOCTOR is already booked at 09:30 on 2026-03-02.' } });

    const second = await doctorWithSchedule(harness, admin, 'drkhan');
    const patientTaken = await book('2026-03-02T09:30:00.000Z', { doctorUserId: second.userId });
    expect(patientTaken).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'This patient already has an appointment at that time (RFC01-A1001).' } });

    expect(await book('2026-03-02T10:30:00.000Z')).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'startAt' } });
    expect(await book('2026-03-02T09:15:00.000Z')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await book('2026-03-02T09:00:00.000Z')).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'That time has already passed; choose a later slot.' } });
    expect(harness.core.database.sqlite.prepare('select count(*) from appointments').pluck().get()).toBe(1);
  });

  it('follows leave, clinic holidays and extra sessions', async () => {
    await harness.call('schedules.addException', { doctorUserId: doctor.userId, date: '2026-03-04', kind: 'LEAVE', reason: 'Conference' }, admin);
    await harness.call('schedules.addException', { doctorUserId: null, date: '2026-03-05', kind: 'HOLIDAY', reason: 'Clinic closed' }, admin);
    await harness.call('schedules.addException', { doctorUserId: doctor.userId, date: '2026-03-07', kind: 'EXTRA', startTime: '10:00', endTime: '11:00', slotMinutes: 20, reason: 'Saturday clinic' }, admin);
    await harness.call('schedules.addException', { doctorUserId: doctor.userId, date: '2026-03-06', kind: 'LEAVE', startTime: '09:00', endTime: '10:00', reason: 'Late start' }, admin);
    const { slots } = await harness.call('slots.list', { doctorUserId: doctor.userId, fromDate: '2026-03-04', toDate: '2026-03-07' }, admin);
    const byDay = (date: string) => slots.filter((slot) => slot.localDate === date).map((slot) => slot.localStart);
    expect(byDay('2026-03-04')).toEqual([]);
    expect(byDay('2026-03-05')).toEqual([]);
    expect(byDay('2026-03-06')).toEqual(['10:00', '11:00', '11:30']);
    expect(byDay('2026-03-07')).toEqual(['10:00', '10:20', '10:40']);
    const bad = await harness.fail('schedules.addException', { doctorUserId: null, date: '2026-03-09', kind: 'LEAVE' }, admin);
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'doctorUserId' });
  });

  it('refuses overlapping weekly sessions with a message naming the day', async () => {
    const error = await harness.fail(
      'schedules.setWeekly',
      { doctorUserId: doctor.userId, sessions: [{ weekday: 2, startTime: '09:00', endTime: '12:00', slotMinutes: 15 }, { weekday: 2, startTime: '11:00', endTime: '13:00', slotMinutes: 15 }] },
      admin,
    );
    expect(error.message).toBe('Two sessions on Tuesday overlap.');
  });

  it('finds the next free slot among the doctors of a specialization', async () => {
    const cardiologist = await doctorWithSchedule(harness, admin, 'drheart', 'Cardiology');
    await harness.call('schedules.setWeekly', { doctorUserId: cardiologist.userId, sessions: [{ weekday: 3, startTime: '14:00', endTime: '16:00', slotMinutes: 60, breaks: [] }] }, admin);
    const { found } = await harness.call('slots.nextFree', { specialization: 'cardiology' }, admin);
    expect(found).toMatchObject({ doctorUserId: cardiologist.userId, slot: { startAt: '2026-03-04T14:00:00.000Z' } });
    expect((await harness.fail('slots.nextFree', { specialization: 'Dermatology' }, admin)).code).toBe('NOT_FOUND');
  });

  it('reschedules keeping the history, and a cancellation frees the slot', async () => {
    const booked = await harness.call('appointments.book', { patientId, doctorUserId: doctor.userId, startAt: '2026-03-03T09:00:00.000Z', type: 'FOLLOW_UP', reason: '', notes: '' }, admin);
    const moved = await harness.call('appointments.reschedule', { appointmentId: booked.id, startAt: '2026-03-03T11:00:00.000Z' }, admin);
    expect(moved).toMatchObject({ reference: booked.reference, startAt: '2026-03-03T11:00:00.000Z' });
    const { slots } = await harness.call('slots.list', { doctorUserId: doctor.userId, fromDate: '2026-03-03', toDate: '2026-03-03' }, admin);
    expect(slots.filter((slot) => !slot.free).map((slot) => slot.localStart)).toEqual(['11:00']);
    const cancelled = await harness.call('appointments.cancel', { appointmentId: booked.id, reason: 'Feeling better' }, admin);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Feeling better' });
    const { events } = await harness.call('appointments.history', { appointmentId: booked.id }, admin);
    expect(events.map((event) => event.kind)).toEqual(['BOOKED', 'RESCHEDULED', 'CANCELLED']);
    expect(events[1]).toMatchObject({ fromStartAt: '2026-03-03T09:00:00.000Z', toStartAt: '2026-03-03T11:00:00.000Z', userName: 'Ada Admin' });
    expect((await harness.call('slots.list', { doctorUserId: doctor.userId, fromDate: '2026-03-03', toDate: '2026-03-03' }, admin)).slots.every((slot) => slot.free)).toBe(true);
    expect((await harness.fail('appointments.reschedule', { appointmentId: booked.id, startAt: '2026-03-03T09:30:00.000Z' }, admin)).code).toBe('CONFLICT');
  });

  it('marks the day’s appointments not checked in as no-shows in one action', async () => {
    const early = await harness.call('appointments.book', { patientId, doctorUserId: doctor.userId, startAt: '2026-03-02T09:30:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin);
    const tom = (await harness.call('patients.register', { ...patientInput({ givenName: 'Tom', familyName: 'Baker', phone: '', birth: { kind: 'date', date: '1960-01-01' } }), notADuplicate: false }, admin)).id;
    const late = await harness.call('appointments.book', { patientId: tom, doctorUserId: doctor.userId, startAt: '2026-03-02T11:30:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin);
    harness.clock.set(Date.parse('2026-03-02T10:15:00.000Z'));
    const { token } = await harness.call('auth.signIn', { username: 'ada', password: 'correct horse battery' });
    expect(await harness.call('appointments.markNoShows', { date: '2026-03-02' }, token)).toEqual({ marked: 1 });
    const { appointments } = await harness.call('appointments.list', { fromDate: '2026-03-02', toDate: '2026-03-02' }, token);
    expect(appointments.map((appointment) => [appointment.id, appointment.status])).toEqual([
      [early.id, 'NO_SHOW'],
      [late.id, 'SCHEDULED'],
    ]);
  });
});
