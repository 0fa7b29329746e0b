// What other modules may use of the appointments module.
export { occupyingStatuses, type AppointmentType } from './appointment.ts';
export { appointmentSchema, type Appointment } from './calls.ts';
