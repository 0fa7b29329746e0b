import { defineRendererModule } from '../define.ts';
import { ControlledRegisterTab } from './ControlledRegisterTab.tsx';
import { DispenseTab } from './DispenseTab.tsx';

export const dispensingScreens = defineRendererModule({
  name: 'dispensing',
  navigation: [
    { section: 'pharmacy', tab: 'dispense', label: 'Dispense', roles: ['PHARMACIST', 'ADMIN'], Screen: DispenseTab },
    { section: 'pharmacy', tab: 'controlled', label: 'Controlled register', roles: ['PHARMACIST', 'ADMIN'], Screen: ControlledRegisterTab },
  ],
});
