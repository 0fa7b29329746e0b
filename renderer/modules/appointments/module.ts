import { defineRendererModule } from '../define.ts';
import { AppointmentsTab } from './AppointmentsTab.tsx';

export const appointmentScreens = defineRendererModule({
  name: 'appointments',
  navigation: [{ section: 'reception', tab: 'appointments', label: 'Appointments', roles: ['ADMIN', 'STAFF', 'DOCTOR'], Screen: AppointmentsTab }],
});
