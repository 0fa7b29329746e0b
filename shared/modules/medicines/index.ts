// What other modules may use of the medicines module.
export { barcodeLookupCode, checkGtin, withCheckDigit } from './gtin.ts';
export { convertDose, doseUnits, productKindLabels, productKinds, productLabel, routeLabels, routes } from './product.ts';
export type { Barcode, DoseAmount, DoseUnit, Product, ProductKind, ProductSummary, Route } from './product.ts';
