// Human references (record numbers RFC01-M1001, appointments RFC01-A1001) and the provisional
// ones a workstation hands out when its leased numbers have run out offline.

/** Series letters of human references. */
export const referenceSeries = { medicalRecord: 'M', appointment: 'A', visit: 'V', prescription: 'R', goodsReceipt: 'G', saleReceipt: 'S' } as const;
export type ReferenceSeries = (typeof referenceSeries)[keyof typeof referenceSeries];

/** What each series numbers, in the words the Sync screen uses. */
export const referenceSeriesLabels: Readonly<Record<ReferenceSeries, string>> = {
  M: 'Record numbers',
  A: 'Appointment references',
  V: 'Visit references',
  R: 'Prescription references',
  G: 'Goods receipt references',
  S: 'Sale receipt numbers',
};

export function isReferenceSeries(value: string): value is ReferenceSeries {
  return Object.values(referenceSeries).includes(value as ReferenceSeries);
}

export function formatReference(clinicCode: string, series: ReferenceSeries, number: number): string {
  return `${clinicCode}-${series}${String(number)}`;
}

/**
 * A provisional reference: RFC01-M-PROV3-15 is the 15th record number workstation 3 of RFC01
 * gave out while it had no leased number left. The hub numbers a clinic's workstations itself,
 * so two workstations never make the same one, and no leased number ever has this shape. It
 * stays findable after the workstation renames it to a leased number.
 */
export function formatProvisionalReference(clinicCode: string, series: ReferenceSeries, workstationNumber: number, counter: number): string {
  return `${clinicCode}-${series}-PROV${String(workstationNumber)}-${String(counter)}`;
}

const PROVISIONAL = /^(?:([A-Z]{3}\d{2})-?)?([A-Z])-?PROV(\d{1,4})-(\d{1,9})$/i;

export type ProvisionalParts = { readonly clinicCode: string | null; readonly series: string; readonly workstationNumber: number; readonly counter: number };

/** Reads a provisional reference as a person may type it: any case, spaces, the clinic code left out. */
export function parseProvisionalReference(text: string): ProvisionalParts | null {
  const match = PROVISIONAL.exec(text.replace(/\s+/g, ''));
  if (match?.[2] === undefined || match[3] === undefined || match[4] === undefined) return null;
  return { clinicCode: match[1]?.toUpperCase() ?? null, series: match[2].toUpperCase(), workstationNumber: Number(match[3]), counter: Number(match[4]) };
}

export function isProvisionalReference(reference: string): boolean {
  return parseProvisionalReference(reference) !== null;
}
