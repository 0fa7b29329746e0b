import { defineRendererModule } from '../define.ts';
import { AuditPanel } from './AuditPanel.tsx';

export const auditScreens = defineRendererModule({
  name: 'audit',
  navigation: [{ section: 'administration', tab: 'audit', label: 'Audit log', roles: ['ADMIN'], Screen: AuditPanel }],
});
