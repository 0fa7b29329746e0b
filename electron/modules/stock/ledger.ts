import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { signedQuantity, type MovementKind } from '#shared/modules/stock/movements.ts';
import type { Db } from '../../db/database.ts';
import { stockBatches, stockMovements } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { batchIdFor } from './batch-rows.ts';

// Writes to the stock ledger. Movements are only ever added; every write of a call runs in its
// one transaction, so a crash leaves a movement with its document or neither.

export type MovementEntry = {
  readonly clinicId: ClinicId;
  readonly batchId: string;
  readonly productId: string;
  readonly kind: MovementKind;
  /** Packs: a positive count, or for a count adjustment the signed difference. */
  readonly packs: number;
  readonly reason?: string;
  readonly documentId?: string | null;
  readonly otherClinicId?: ClinicId | null;
  readonly userId: UserId;
  readonly deviceName: string;
  readonly nowMs: number;
};

export function recordMovement(tx: Db, entry: MovementEntry): string {
  const id = newId();
  const now = isoAt(entry.nowMs);
  tx.insert(stockMovements)
    .values({
      id,
      clinicId: entry.clinicId,
      batchId: entry.batchId,
      productId: entry.productId,
      kind: entry.kind,
      quantity: signedQuantity(entry.kind, entry.packs),
      reason: entry.reason ?? '',
      documentId: entry.documentId ?? null,
      otherClinicId: entry.otherClinicId ?? null,
      userId: entry.userId,
      deviceName: entry.deviceName,
      occurredAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return id;
}

export type BatchEntry = {
  readonly clinicId: ClinicId;
  readonly productId: string;
  readonly lot: string;
  readonly expiryDate: string | null;
  readonly costPriceMinor: number;
  readonly supplierId: string | null;
  readonly nowMs: number;
};

/**
 * The batch of a lot, made on its first receipt. A later delivery of the same lot updates its
 * cost and expiry to the latest the supplier gave.
 */
export function putBatch(tx: Db, entry: BatchEntry): string {
  const id = batchIdFor(entry.clinicId, entry.productId, entry.lot);
  const now = isoAt(entry.nowMs);
  const values = { expiryDate: entry.expiryDate, costPriceMinor: entry.costPriceMinor, supplierId: entry.supplierId };
  tx.insert(stockBatches)
    .values({ id, clinicId: entry.clinicId, productId: entry.productId, lot: entry.lot.trim(), ...values, receivedAt: now, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: stockBatches.id, set: { ...values, deletedAt: null, updatedAt: now } })
    .run();
  return id;
}
