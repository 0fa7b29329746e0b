import { describe, expect, it } from 'vitest';
import { appointmentStatuses, appointmentStatusLabels, appointmentTypeLabels, appointmentTypeSchema, canMoveAppointment, occupyingStatuses, type AppointmentStatus } from '#shared/modules/appointments/appointment.ts';

// The appointment's status rules, stated here as the product means them rather than read back
// from its own tables: every move from every status, and which statuses hold a doctor's time.

const allowedMoves: readonly (readonly [AppointmentStatus, AppointmentStatus])[] = [
  ['SCHEDULED', 'CHECKED_IN'],
  ['SCHEDULED', 'CANCELLED'],
  ['SCHEDULED', 'NO_SHOW'],
  ['CHECKED_IN', 'COMPLETED'],
  ['CHECKED_IN', 'CANCELLED'],
  // A patient marked no-show who turns up late is still seen.
  ['NO_SHOW', 'CHECKED_IN'],
];

describe('appointment statuses', () => {
  it('are the five the product knows, in the order a visit goes through them', () => {
    expect(appointmentStatuses).toEqual(['SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW']);
  });

  it('allow exactly the moves a visit makes, and no other from any status to any status', () => {
    const statuses: readonly AppointmentStatus[] = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW'];
    for (const from of statuses) {
      for (const to of statuses) {
        const expected = allowedMoves.some(([allowedFrom, allowedTo]) => allowedFrom === from && allowedTo === to);
        expect(canMoveAppointment(from, to), `${from} to ${to}`).toBe(expected);
      }
    }
  });

  it('hold the doctor’s time while scheduled, checked in or completed; cancelled and no-show free it', () => {
    expect([...occupyingStatuses].sort()).toEqual(['CHECKED_IN', 'COMPLETED', 'SCHEDULED']);
  });
});

describe('appointment types', () => {
  it.each(['IN_PERSON', 'TELECONSULTATION', 'FOLLOW_UP', 'EMERGENCY'])('accept %s', (type) => {
    expect(appointmentTypeSchema.safeParse(type).success).toBe(true);
  });

  it('refuse any other kind with a message a person can act on', () => {
    const parsed = appointmentTypeSchema.safeParse('HOME_VISIT');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Choose the kind of appointment');
  });
});

describe('the words for statuses and kinds', () => {
  // What the appointment list shows, and what a refused move says ("… is completed; it cannot become cancelled.").
  it('name each status and each kind as the screens and messages show them', () => {
    expect(appointmentStatusLabels).toEqual({ SCHEDULED: 'Scheduled', CHECKED_IN: 'Checked in', COMPLETED: 'Completed', CANCELLED: 'Cancelled', NO_SHOW: 'No-show' });
    expect(appointmentTypeLabels).toEqual({ IN_PERSON: 'In person', TELECONSULTATION: 'Teleconsultation', FOLLOW_UP: 'Follow-up', EMERGENCY: 'Emergency' });
  });
});
