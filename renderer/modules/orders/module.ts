import { defineRendererModule } from '../define.ts';
import { OrdersPanel } from './OrdersPanel.tsx';
import { ResultsSection } from './ResultsSection.tsx';

export const orderScreens = defineRendererModule({
  name: 'orders',
  navigation: [],
  encounterPanels: [{ key: 'orders', Panel: OrdersPanel }],
  chartSections: [{ key: 'results', Section: ResultsSection }],
});
