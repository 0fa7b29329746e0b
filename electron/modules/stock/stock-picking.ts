import type { ClinicId } from '#shared/domain/ids.ts';
import { pickBatches, type BatchPick, type PickRequest } from '#shared/modules/stock/batch-picking.ts';
import type { BatchOnHand } from '#shared/modules/stock/stock-views.ts';
import type { Db } from '../../db/database.ts';
import { batchesOfProduct } from './batch-rows.ts';

export type StockPick = BatchPick & { readonly lot: string; readonly expiryDate: string | null };

export type StockPickResult =
  | { readonly ok: true; readonly picks: readonly StockPick[]; readonly shortBy: number; readonly batches: readonly BatchOnHand[] }
  | { readonly ok: false; readonly message: string };

/**
 * Packs of a product taken from this clinic's batches (first expiry first, or the batch in hand
 * first), each with its lot and expiry: what the counter, dispensing and the picking call share.
 */
export function pickFromStock(db: Db, clinicId: ClinicId, productId: string, request: PickRequest): StockPickResult {
  const batches = batchesOfProduct(db, clinicId, productId);
  const picked = pickBatches(batches, request);
  if (!picked.ok) return picked;
  const byId = new Map(batches.map((batch) => [batch.batchId, batch]));
  return { ok: true, picks: picked.picks.map((pick) => ({ ...pick, lot: byId.get(pick.batchId)?.lot ?? '', expiryDate: byId.get(pick.batchId)?.expiryDate ?? null })), shortBy: picked.shortBy, batches };
}
