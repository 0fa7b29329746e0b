import { defineRendererModule } from '../define.ts';
import { DoctorsTab } from './DoctorsTab.tsx';

export const doctorScreens = defineRendererModule({
  name: 'doctors',
  navigation: [{ section: 'reception', tab: 'doctors', label: 'Doctors', roles: ['ADMIN', 'STAFF', 'DOCTOR'], Screen: DoctorsTab }],
});
