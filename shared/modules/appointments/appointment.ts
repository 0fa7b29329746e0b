import { z } from 'zod';

export const appointmentTypes = ['IN_PERSON', 'TELECONSULTATION', 'FOLLOW_UP', 'EMERGENCY'] as const;
export const appointmentTypeSchema = z.enum(appointmentTypes, { error: 'Choose the kind of appointment' });
export type AppointmentType = z.infer<typeof appointmentTypeSchema>;
export const appointmentTypeLabels: Readonly<Record<AppointmentType, string>> = {
  IN_PERSON: 'In person',
  TELECONSULTATION: 'Teleconsultation',
  FOLLOW_UP: 'Follow-up',
  EMERGENCY: 'Emergency',
};

export const appointmentStatuses = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];
export const appointmentStatusLabels: Readonly<Record<AppointmentStatus, string>> = {
  SCHEDULED: 'Scheduled',
  CHECKED_IN: 'Checked in',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'No-show',
};

/** Where an appointment may go from each status. A late arrival marked no-show can still be checked in. */
export const appointmentTransitions: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  SCHEDULED: ['CHECKED_IN', 'CANCELLED', 'NO_SHOW'],
  CHECKED_IN: ['COMPLETED', 'CANCELLED'],
  NO_SHOW: ['CHECKED_IN'],
  COMPLETED: [],
  CANCELLED: [],
};

/** Statuses that hold the doctor's time: a cancelled appointment frees its slot. */
export const occupyingStatuses: readonly AppointmentStatus[] = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED'];

export function canMoveAppointment(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return appointmentTransitions[from].includes(to);
}
