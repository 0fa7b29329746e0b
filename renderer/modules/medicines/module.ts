import { defineRendererModule } from '../define.ts';
import { CatalogueTab } from './CatalogueTab.tsx';
import { InteractionsPanel } from './InteractionsPanel.tsx';

export const medicineScreens = defineRendererModule({
  name: 'medicines',
  navigation: [
    // Doctors read the catalogue; pharmacists and administrators keep it.
    { section: 'pharmacy', tab: 'catalogue', label: 'Catalogue', roles: ['ADMIN', 'PHARMACIST', 'DOCTOR'], Screen: CatalogueTab },
    { section: 'administration', tab: 'interactions', label: 'Interactions', roles: ['ADMIN'], Screen: InteractionsPanel },
  ],
});
