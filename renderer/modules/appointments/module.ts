import { defineRendererModule } from '../define.ts';
import { AppointmentsTab } from './AppointmentsTab.tsx';

export const appointmentScreens = defineRendererModule({
  name: 'appointments',
  navigation: [{ section: 'reception', tab: 'appointments', label: 'Appointments', roles: ['ADMIN', 'STAFF', 'DOCTOR'], Screen: AppointmentsTab }],
  conflicts: {
    DOUBLE_BOOKING: {
      label: 'Double booking',
      sentence: 'The doctor was booked twice for one slot while workstations were apart. Cancel one of the appointments, or keep both if the doctor can see both.',
      actions: (rows) => rows.map((row) => ({ label: `Cancel ${row.label}`, action: { kind: 'cancelAppointment', appointmentId: row.id } })),
    },
  },
});
