import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doctorWithSchedule, patientInput, setUpClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';

// Survivors of mutation testing (tests/mutation) in the booking rules (slot-check.ts): a checked-in
// patient is as busy as a booked one, a moved appointment does not clash with itself, and each
// refusal names the field the desk must change. The harness clock starts on Monday 2026-03-02 at
// 09:00 in Europe/London; each doctor works 09:00–12:00 in 30-minute slots, with a break at 10:30.
describe('the booking rules at their edges', () => {
  let harness: Harness;
  let admin: string;
  let bell: { token: string; userId: string };
  let khan: { token: string; userId: string };
  let patientId: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    bell = await doctorWithSchedule(harness, admin, 'drbell');
    khan = await doctorWithSchedule(harness, admin, 'drkhan');
    patientId = (await harness.call('patients.register', { ...patientInput(), notADuplicate: false }, admin)).id;
  });
  afterEach(() => harness.close());

  const book = (doctorUserId: string, startAt: string) => harness.call('appointments.book', { patientId, doctorUserId, startAt, type: 'IN_PERSON', reason: '', notes: '' }, admin);
  const refusalOfBooking = (doctorUserId: string, startAt: string) =>
    harness.fail('appointments.book', { patientId, doctorUserId, startAt, type: 'IN_PERSON', reason: '', notes: '' }, admin);

  it('refuses a second appointment at the time of one the patient is checked in for', async () => {
    const first = await book(bell.userId, '2026-03-02T09:30:00.000Z');
    await harness.call('queue.checkIn', { appointmentId: first.id }, admin);
    expect(await refusalOfBooking(khan.userId, '2026-03-02T09:30:00.000Z')).toEqual({
      code: 'CONFLICT',
      message: `This patient already has an appointment at that time (${first.reference}).`,
      field: 'startAt',
    });
  });

  it('moves an appointment to another doctor at the same time: the patient’s own booking does not clash', async () => {
    const booked = await book(bell.userId, '2026-03-03T09:00:00.000Z');
    const moved = await harness.call('appointments.reschedule', { appointmentId: booked.id, startAt: '2026-03-03T09:00:00.000Z', doctorUserId: khan.userId }, admin);
    expect(moved).toMatchObject({ reference: booked.reference, startAt: '2026-03-03T09:00:00.000Z', doctor: { userId: khan.userId } });
  });

  it('accepts a move to the slot the appointment already holds: its own booking does not fill it', async () => {
    const booked = await book(bell.userId, '2026-03-03T09:00:00.000Z');
    const moved = await harness.call('appointments.reschedule', { appointmentId: booked.id, startAt: '2026-03-03T09:00:00.000Z' }, admin);
    expect(moved).toMatchObject({ reference: booked.reference, startAt: '2026-03-03T09:00:00.000Z' });
  });

  it('names the time as the field to change in every refusal', async () => {
    expect(await refusalOfBooking(bell.userId, '2026-03-02T09:00:00.000Z')).toMatchObject({ code: 'VALIDATION', message: 'That time has already passed; choose a later slot.', field: 'startAt' });
    expect(await refusalOfBooking(bell.userId, '2026-03-02T10:30:00.000Z')).toMatchObject({
      code: 'VALIDATION',
      message: 'Test DOCTOR has no slot at that time; choose one of the offered slots.',
      field: 'startAt',
    });
    await book(bell.userId, '2026-03-02T09:30:00.000Z');
    const other = (await harness.call('patients.register', { ...patientInput({ givenName: 'Tom', familyName: 'Baker', phone: '', birth: { kind: 'date', date: '1960-01-01' } }), notADuplicate: false }, admin)).id;
    const taken = await harness.fail('appointments.book', { patientId: other, doctorUserId: bell.userId, startAt: '2026-03-02T09:30:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin);
    expect(taken).toEqual({ code: 'CONFLICT', message: 'Test DOCTOR is already booked at 09:30 on 2026-03-02.', field: 'startAt' });
  });
});
