// How much of a prescribed medicine the pharmacy may hand over, in the packs the stock counts.
//
// A doctor writes the quantity in the medicine's units (40 tablets), or none when it cannot be
// counted (a syrup dosed in mg). The stock ledger counts packs. With a pack size in the catalogue
// the quantity becomes whole packs, rounded up (a pharmacy does not split a pack unless it stocks
// loose units, which it then records as packs of one); without one, the stock's packs are the
// units. A line without a quantity is one pack per supply: the pharmacist judges, and asks the
// doctor for more. Each refill is one more supply of the same size.

export type SuppliedLine = { readonly quantity: number | null; readonly refills: number };

/** The packs one supply of the line is: its quantity over the smallest pack size, rounded up. */
export function packsPerSupply(line: SuppliedLine, packSizes: readonly number[]): number {
  if (line.quantity === null) return 1;
  const packSize = packSizes.filter((size) => Number.isInteger(size) && size > 0).reduce((smallest, size) => Math.min(smallest, size), Number.POSITIVE_INFINITY);
  return Number.isFinite(packSize) ? Math.ceil(line.quantity / packSize) : line.quantity;
}

/** Every pack the prescription allows of the line: the first supply and each refill. */
export function prescribedPacks(line: SuppliedLine, packSizes: readonly number[]): number {
  return packsPerSupply(line, packSizes) * (1 + line.refills);
}

/** What is still to hand over: never below zero, even if two counters dispensed the same line offline. */
export function remainingPacks(prescribed: number, dispensed: number): number {
  return Math.max(0, prescribed - dispensed);
}
