// What other modules may use of the medicines module.
export { barcodeLookupCode, checkGtin, withCheckDigit } from './gtin.ts';
export { convertDose, doseUnits, productKindLabels, productKinds, productLabel, routeLabels, routes } from './product.ts';
export type { Barcode, DoseAmount, DoseUnit, Product, ProductKind, ProductSummary, Route } from './product.ts';
export { doseAmountSchema } from './product.ts';
export { alertKinds, alertKindLabels, alertOverrideSchema, alertSeverities, alertSeverityLabels, needsOverride, overridesMissing, prescriptionAlertSchema, sortedAlerts } from './checks/alerts.ts';
export type { AlertOverride, AlertSeverity, PrescriptionAlert } from './checks/alerts.ts';
