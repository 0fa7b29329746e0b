// What other modules may use of the prescriptions module's shared part.
export { computedQuantity, frequencies, frequencyWords, timesPerDayOf, type Frequency } from './frequency.ts';
export type { Prescription, PrescriptionLine, PrescriptionLineInput, RecordedOverride } from './line.ts';
export { lineInWords, prescriptionDocument, printPageSizes, type PrescriptionSheet, type PrintPageSize } from './print-sheet.ts';
