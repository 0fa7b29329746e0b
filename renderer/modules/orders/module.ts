import { defineRendererModule } from '../define.ts';
import { LabOrdersTab } from './LabOrdersTab.tsx';
import { OrdersPanel } from './OrdersPanel.tsx';
import { ResultsSection } from './ResultsSection.tsx';

export const orderScreens = defineRendererModule({
  name: 'orders',
  navigation: [{ section: 'consultation', tab: 'orders', label: 'Lab orders', roles: ['DOCTOR', 'STAFF'], Screen: LabOrdersTab }],
  encounterPanels: [{ key: 'orders', Panel: OrdersPanel }],
  chartSections: [{ key: 'results', Section: ResultsSection }],
});
