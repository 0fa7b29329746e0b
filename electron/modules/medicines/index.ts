// What other modules and the core may use of the medicines module.
export { findByCode } from './barcode-lookup.ts';
export { organizationOf, requireProduct } from './catalogue-access.ts';
export { knowledgeIndexOf } from './interaction-store.ts';
export { checkCataloguePrescription, type CatalogueCheckRequest, type CheckedItem } from './prescription-check.ts';
export { productOf } from './product-rows.ts';
export { searchProducts } from './product-search.ts';
export type { MedicineProductRow } from './tables.ts';
