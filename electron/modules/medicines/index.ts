// What other modules and the core may use of the medicines module.
export { findByCode } from './barcode-lookup.ts';
export { organizationOf, requireProduct } from './catalogue-access.ts';
export { productOf } from './product-rows.ts';
export { searchProducts } from './product-search.ts';
export type { MedicineProductRow } from './tables.ts';
