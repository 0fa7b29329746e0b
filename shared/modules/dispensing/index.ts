// What other modules may use of the dispensing module's shared part.
export type { DispenseBatch, DispenseLine, DispensePatient, PackScan, PrescriptionToDispense } from './dispense-views.ts';
export { registerEntryKindLabels, registerEntryKinds, type RegisterEntry, type RegisterEntryKind } from './register-views.ts';
export { isPrescriptionReference } from './prescription-reference.ts';
export { packsPerSupply, prescribedPacks, remainingPacks } from './supply.ts';
