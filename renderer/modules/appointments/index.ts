// What other modules may use of the appointments module's screens.
export { AppointmentActions } from './AppointmentActions.tsx';
export { AppointmentList } from './AppointmentList.tsx';
export { BookingModal } from './BookingModal.tsx';
