// What other modules and the core may use of the appointments module.
export { recordAppointmentEvent } from './appointment-rows.ts';
export { appointmentToCheckIn, checkIn, closeCheckedIn } from './arrival.ts';
export { appointmentsBetween } from './appointment-rows.ts';
export { bookAppointment, type BookingRequest } from './booking.ts';
export { appointmentById } from './appointment-rows.ts';
