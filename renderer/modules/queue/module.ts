import { defineRendererModule } from '../define.ts';
import { QueueTab } from './QueueTab.tsx';

export const queueScreens = defineRendererModule({
  name: 'queue',
  navigation: [{ section: 'reception', tab: 'queue', label: 'Queue', roles: ['ADMIN', 'STAFF', 'DOCTOR'], Screen: QueueTab }],
});
