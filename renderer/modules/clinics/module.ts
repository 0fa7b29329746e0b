import { defineRendererModule } from '../define.ts';
import { ClinicPanel } from './ClinicPanel.tsx';

export const clinicScreens = defineRendererModule({
  name: 'clinics',
  navigation: [{ section: 'administration', tab: 'clinic', label: 'Clinic details', roles: ['ADMIN'], Screen: ClinicPanel }],
});
