// The stock ledger's kinds of movement. A movement's quantity is signed (packs in are positive,
// packs out negative) so a batch's quantity on hand is the plain sum of its movements.

export const movementKinds = ['RECEIPT', 'SALE', 'DISPENSE', 'CUSTOMER_RETURN', 'SUPPLIER_RETURN', 'COUNT_ADJUSTMENT', 'TRANSFER_OUT', 'TRANSFER_IN', 'WRITE_OFF'] as const;
export type MovementKind = (typeof movementKinds)[number];

/** Which way each kind moves packs: +1 in, -1 out, 0 either (a count finds more or fewer). */
export const movementDirection: Readonly<Record<MovementKind, 1 | -1 | 0>> = {
  RECEIPT: 1,
  SALE: -1,
  DISPENSE: -1,
  CUSTOMER_RETURN: 1,
  SUPPLIER_RETURN: -1,
  COUNT_ADJUSTMENT: 0,
  TRANSFER_OUT: -1,
  TRANSFER_IN: 1,
  WRITE_OFF: -1,
};

export const movementKindLabels: Readonly<Record<MovementKind, string>> = {
  RECEIPT: 'Received from supplier',
  SALE: 'Sold',
  DISPENSE: 'Dispensed',
  CUSTOMER_RETURN: 'Returned by customer',
  SUPPLIER_RETURN: 'Returned to supplier',
  COUNT_ADJUSTMENT: 'Count adjustment',
  TRANSFER_OUT: 'Transferred out',
  TRANSFER_IN: 'Transferred in',
  WRITE_OFF: 'Written off',
};

/** Kinds a person must give a reason for: the ledger says why stock appeared or vanished. */
export const movementKindsNeedingReason: ReadonlySet<MovementKind> = new Set(['COUNT_ADJUSTMENT', 'WRITE_OFF', 'SUPPLIER_RETURN']);

/** The signed quantity a movement of `packs` (a positive count; signed for a count adjustment) records. */
export function signedQuantity(kind: MovementKind, packs: number): number {
  const direction = movementDirection[kind];
  return direction === 0 ? packs : direction * Math.abs(packs);
}
