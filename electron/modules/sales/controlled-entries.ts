import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { medicineProducts } from '../../db/schema/index.ts';
import { recordControlledSupply } from '../dispensing/index.ts';

// A controlled medicine sold or given back at the counter goes into the controlled drugs register
// in the sale's own transaction, as a dispense's does. The sale names no patient: the register
// shows the receipt it was sold on.

export type CounterSupply = {
  readonly saleId: string;
  readonly clinicId: ClinicId;
  readonly kind: 'SALE' | 'RETURN';
  readonly lines: readonly { readonly productId: string; readonly batchId: string; readonly quantity: number }[];
  readonly userId: UserId;
  readonly deviceName: string;
  readonly nowMs: number;
};

export function registerControlledLines(tx: Db, supply: CounterSupply): void {
  const productIds = [...new Set(supply.lines.map((line) => line.productId))];
  if (productIds.length === 0) return;
  const controlled = new Set(tx.select({ id: medicineProducts.id }).from(medicineProducts).where(and(inArray(medicineProducts.id, productIds), eq(medicineProducts.controlled, true))).all().map((row) => row.id));
  for (const line of supply.lines) {
    if (!controlled.has(line.productId)) continue;
    recordControlledSupply(tx, { clinicId: supply.clinicId, kind: supply.kind, productId: line.productId, batchId: line.batchId, packs: line.quantity, patientId: null, prescriptionId: null, documentId: supply.saleId, userId: supply.userId, deviceName: supply.deviceName, nowMs: supply.nowMs });
  }
}
