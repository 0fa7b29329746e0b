import { defineRendererModule } from '../define.ts';
import { PointOfSaleTab } from './PointOfSaleTab.tsx';
import { ReturnsTab } from './ReturnsTab.tsx';

export const salesScreens = defineRendererModule({
  name: 'sales',
  navigation: [
    { section: 'pharmacy', tab: 'pos', label: 'Point of sale', roles: ['ADMIN', 'PHARMACIST'], Screen: PointOfSaleTab },
    { section: 'pharmacy', tab: 'returns', label: 'Returns', roles: ['ADMIN', 'PHARMACIST'], Screen: ReturnsTab },
  ],
});
