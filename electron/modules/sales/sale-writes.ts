import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import type { PaymentMethod } from '#shared/money/payments.ts';
import type { Db } from '../../db/database.ts';
import { saleLines, salePayments, sales } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { recordMovement } from '../stock/index.ts';
import { registerControlledLines } from './controlled-entries.ts';

// The rows of a sale or a return, written inside the caller's one transaction together with the
// stock movements that take packs out of (or put them back into) their batches.

export type SaleLineWrite = { readonly productId: string; readonly batchId: string; readonly quantity: number; readonly unitPriceMinor: number; readonly discountMinor: number; readonly taxRateBasisPoints: number; readonly taxMinor: number; readonly totalMinor: number; readonly returnOfLineId: string | null };

export type SaleWrite = {
  readonly id: string;
  readonly clinicId: ClinicId;
  readonly kind: 'SALE' | 'RETURN';
  readonly receiptNumber: string;
  /** Kept from the start when the number is provisional, so the receipt in the customer's hand still finds the sale after it is renamed. */
  readonly provisionalReceiptNumber: string | null;
  readonly returnOfSaleId: string | null;
  readonly totals: { readonly grossMinor: number; readonly discountMinor: number; readonly taxMinor: number; readonly totalMinor: number };
  readonly changeMinor: number;
  readonly cashRoundingMinor: number;
  readonly reason: string;
  readonly lines: readonly SaleLineWrite[];
  readonly payments: readonly { readonly method: PaymentMethod; readonly amountMinor: number }[];
  readonly userId: UserId;
  readonly deviceName: string;
  readonly nowMs: number;
};

export function writeSale(tx: Db, sale: SaleWrite): void {
  const now = isoAt(sale.nowMs);
  const stamps = { createdAt: now, updatedAt: now };
  tx.insert(sales)
    .values({ id: sale.id, clinicId: sale.clinicId, kind: sale.kind, receiptNumber: sale.receiptNumber, provisionalReceiptNumber: sale.provisionalReceiptNumber, returnOfSaleId: sale.returnOfSaleId, ...sale.totals, changeMinor: sale.changeMinor, cashRoundingMinor: sale.cashRoundingMinor, reason: sale.reason, sellerUserId: sale.userId, deviceName: sale.deviceName, soldAt: now, ...stamps })
    .run();
  sale.lines.forEach((line, position) => {
    tx.insert(saleLines)
      .values({ id: newId(), clinicId: sale.clinicId, saleId: sale.id, position, productId: line.productId, batchId: line.batchId, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, discountMinor: line.discountMinor, taxRateBp: line.taxRateBasisPoints, taxMinor: line.taxMinor, totalMinor: line.totalMinor, returnOfLineId: line.returnOfLineId, ...stamps })
      .run();
    recordMovement(tx, { clinicId: sale.clinicId, batchId: line.batchId, productId: line.productId, kind: sale.kind === 'SALE' ? 'SALE' : 'CUSTOMER_RETURN', packs: line.quantity, reason: sale.kind === 'RETURN' ? sale.reason : '', documentId: sale.id, userId: sale.userId, deviceName: sale.deviceName, nowMs: sale.nowMs });
  });
  registerControlledLines(tx, { saleId: sale.id, clinicId: sale.clinicId, kind: sale.kind, lines: sale.lines, userId: sale.userId, deviceName: sale.deviceName, nowMs: sale.nowMs });
  for (const payment of sale.payments) tx.insert(salePayments).values({ id: newId(), clinicId: sale.clinicId, saleId: sale.id, method: payment.method, amountMinor: payment.amountMinor, ...stamps }).run();
}
