import { defineRendererModule } from '../define.ts';
import { UsersPanel } from './UsersPanel.tsx';

export const userScreens = defineRendererModule({
  name: 'users',
  navigation: [{ section: 'administration', tab: 'users', label: 'Users', roles: ['ADMIN'], Screen: UsersPanel }],
});
