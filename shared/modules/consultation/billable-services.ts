// A starter catalogue of what an outpatient encounter bills: the consultation itself and common
// procedures. Prices are integer minor units of the clinic's currency; billing (a later issue)
// builds invoices from the items an encounter records, each keeping its code and price as charged.

export type BillableService = { readonly code: string; readonly description: string; readonly unitPriceMinor: number; readonly kind: 'CONSULTATION' | 'PROCEDURE' };

export const billableServices: readonly BillableService[] = [
  { code: 'CONS-NEW', description: 'Consultation, new patient', unitPriceMinor: 50_00, kind: 'CONSULTATION' },
  { code: 'CONS-FU', description: 'Consultation, follow-up', unitPriceMinor: 30_00, kind: 'CONSULTATION' },
  { code: 'PROC-DRESS', description: 'Wound dressing', unitPriceMinor: 15_00, kind: 'PROCEDURE' },
  { code: 'PROC-SUTURE', description: 'Suturing of a simple wound', unitPriceMinor: 45_00, kind: 'PROCEDURE' },
  { code: 'PROC-ECG', description: 'Electrocardiogram, 12-lead', unitPriceMinor: 35_00, kind: 'PROCEDURE' },
  { code: 'PROC-NEB', description: 'Nebulisation', unitPriceMinor: 20_00, kind: 'PROCEDURE' },
  { code: 'PROC-INJ', description: 'Intramuscular injection', unitPriceMinor: 10_00, kind: 'PROCEDURE' },
  { code: 'PROC-GLU', description: 'Capillary blood glucose test', unitPriceMinor: 5_00, kind: 'PROCEDURE' },
  { code: 'PROC-EAR', description: 'Ear irrigation', unitPriceMinor: 25_00, kind: 'PROCEDURE' },
];

export function billableService(code: string): BillableService | undefined {
  return billableServices.find((service) => service.code === code);
}
