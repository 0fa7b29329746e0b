import { defineRendererModule } from '../define.ts';
import { StockTab } from './StockTab.tsx';

export const stockScreens = defineRendererModule({
  name: 'stock',
  navigation: [{ section: 'pharmacy', tab: 'stock', label: 'Stock', roles: ['ADMIN', 'PHARMACIST'], Screen: StockTab }],
  conflicts: {
    STOCK_OVERSOLD: {
      label: 'Stock oversold',
      sentence: 'Two counters sold the last packs of a batch while apart, and both sales stand. Count the shelf and post the count, or record the shelf as empty.',
      actions: (rows) => rows.slice(0, 1).map((row) => ({ label: 'Record the shelf as empty', action: { kind: 'settleOversoldBatch', rowId: row.id } })),
    },
  },
});
