import { isExpired } from './expiry.ts';

// Which batches a sale or a dispense takes its packs from. First expiry, first out by default,
// so the shelf never keeps an old pack behind a new one; the pharmacist may name a batch (the
// pack in hand), and an expired batch is only ever taken when named with an override and a reason.

export type PickableBatch = {
  readonly batchId: string;
  readonly lot: string;
  /** YYYY-MM-DD, or null for goods that do not expire. */
  readonly expiryDate: string | null;
  readonly onHand: number;
  /** When the batch came in: the earlier receipt goes first between two of the same expiry. */
  readonly receivedAt: string;
};

export type BatchPick = { readonly batchId: string; readonly quantity: number };

export type PickRequest = {
  readonly quantity: number;
  readonly today: string;
  /** The batch the pharmacist chose (the pack in hand); taken first, up to what it holds. */
  readonly chosenBatchId?: string | null;
  /** The reason for taking an expired chosen batch; without one it is refused. */
  readonly expiredOverrideReason?: string | null;
};

export type PickResult =
  | { readonly ok: true; readonly picks: readonly BatchPick[]; /** Packs no batch on hand covers. */ readonly shortBy: number }
  | { readonly ok: false; readonly message: string };

/** The order FEFO takes batches in: earliest expiry, goods without expiry last, then earliest received. */
export function fefoOrder(a: PickableBatch, b: PickableBatch): number {
  if (a.expiryDate !== b.expiryDate) {
    if (a.expiryDate === null) return 1;
    if (b.expiryDate === null) return -1;
    return a.expiryDate < b.expiryDate ? -1 : 1;
  }
  return a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.batchId < b.batchId ? -1 : 1;
}

export function pickBatches(batches: readonly PickableBatch[], request: PickRequest): PickResult {
  if (!Number.isInteger(request.quantity) || request.quantity <= 0) return { ok: false, message: 'The quantity must be a whole number of packs above zero.' };
  const picks: BatchPick[] = [];
  let left = request.quantity;
  const chosenId = request.chosenBatchId ?? null;
  if (chosenId !== null) {
    const chosen = batches.find((batch) => batch.batchId === chosenId);
    if (chosen === undefined) return { ok: false, message: 'That batch is not in stock at this clinic.' };
    if (isExpired(chosen.expiryDate, request.today) && (request.expiredOverrideReason ?? '').trim() === '') {
      return { ok: false, message: `Batch ${chosen.lot} expired on ${chosen.expiryDate ?? ''}. It is only given out with an override and a reason.` };
    }
    // The chosen batch gives what it holds, the rest comes first-expiry-first. A chosen batch the
    // ledger shows empty still gives the packs: they are in the pharmacist's hand, so the ledger
    // is what is wrong, and its negative count shows up as a stock conflict to count and correct.
    const fromChosen = chosen.onHand > 0 ? Math.min(left, chosen.onHand) : left;
    picks.push({ batchId: chosen.batchId, quantity: fromChosen });
    left -= fromChosen;
  }
  const usable = batches.filter((batch) => batch.batchId !== chosenId && batch.onHand > 0 && !isExpired(batch.expiryDate, request.today)).sort(fefoOrder);
  for (const batch of usable) {
    if (left === 0) break;
    const quantity = Math.min(left, batch.onHand);
    picks.push({ batchId: batch.batchId, quantity });
    left -= quantity;
  }
  return { ok: true, picks, shortBy: left };
}
