import type { Db } from '../../db/database.ts';
import type { EncounterRow } from './tables.ts';

/** Something another module bills with the encounter (a lab test, a study), as charged. */
export type ExtraBillable = { readonly code: string; readonly description: string; readonly quantity: number; readonly unitPriceMinor: number };

/**
 * What another module adds to an encounter's bill when it completes, read inside the completion's
 * own transaction: the consultation module records the items and names none of those modules.
 */
export type BillableSource = (tx: Db, encounter: EncounterRow) => readonly ExtraBillable[];

const sources = new Set<BillableSource>();

/** Adding the same source again changes nothing. */
export function addBillableSource(source: BillableSource): void {
  sources.add(source);
}

export function extraBillablesOf(tx: Db, encounter: EncounterRow): ExtraBillable[] {
  return [...sources].flatMap((source) => source(tx, encounter));
}
