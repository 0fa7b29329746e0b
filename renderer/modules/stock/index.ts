// What other modules may use of the stock screens.
export { StockTab } from './StockTab.tsx';
export { downloadText, toCsv } from './csv.ts';
