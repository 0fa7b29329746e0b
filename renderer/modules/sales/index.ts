// What other modules may use of the counter's screens.
export { PointOfSaleTab } from './PointOfSaleTab.tsx';
export { ReturnsTab } from './ReturnsTab.tsx';
