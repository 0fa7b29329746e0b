import { and, eq, isNull, ne } from 'drizzle-orm';
import type { ExtraBillable } from '../consultation/index.ts';
import type { Db } from '../../db/database.ts';
import { diagnosticOrders } from '../../db/schema/index.ts';

/** An encounter bills each test it ordered and did not cancel, at the price it was ordered at. */
export function orderBillables(tx: Db, encounter: { readonly id: string }): ExtraBillable[] {
  return tx
    .select()
    .from(diagnosticOrders)
    .where(and(eq(diagnosticOrders.encounterId, encounter.id), ne(diagnosticOrders.status, 'CANCELLED'), isNull(diagnosticOrders.deletedAt)))
    .all()
    .map((order) => ({ code: order.priceCode, description: order.testName, quantity: 1, unitPriceMinor: order.unitPriceMinor }));
}
