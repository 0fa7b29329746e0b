import { asc, eq, inArray, isNull, and, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { dispenseLines, dispenses, users } from '../../db/schema/index.ts';

// What was already handed over of a prescription, read from the dispense ledger.

/** Packs dispensed per prescribed line, over every clinic's dispenses of it. */
export function dispensedByLine(db: Db, prescriptionLineIds: readonly string[]): Map<string, number> {
  const totals = new Map<string, number>();
  if (prescriptionLineIds.length === 0) return totals;
  const rows = db
    .select({ lineId: dispenseLines.prescriptionLineId, packs: sql<number>`sum(${dispenseLines.quantity})` })
    .from(dispenseLines)
    .where(and(inArray(dispenseLines.prescriptionLineId, [...prescriptionLineIds]), isNull(dispenseLines.deletedAt)))
    .groupBy(dispenseLines.prescriptionLineId)
    .all();
  for (const row of rows) totals.set(row.lineId, row.packs);
  return totals;
}

export type DispenseHistoryEntry = { id: string; dispensedAt: string; pharmacistName: string; lines: { productLabel: string; lot: string; quantity: number }[] };

/** The prescription's dispenses, oldest first, each with its packs. */
export function dispenseHistory(db: Db, prescriptionId: string, labelOf: (productId: string) => string): DispenseHistoryEntry[] {
  const heads = db
    .select({ id: dispenses.id, dispensedAt: dispenses.dispensedAt, pharmacistName: sql<string>`coalesce(${users.fullName}, '')` })
    .from(dispenses)
    .leftJoin(users, eq(users.id, dispenses.pharmacistUserId))
    .where(and(eq(dispenses.prescriptionId, prescriptionId), isNull(dispenses.deletedAt)))
    .orderBy(asc(dispenses.dispensedAt), asc(dispenses.id))
    .all();
  if (heads.length === 0) return [];
  const lines = db.select().from(dispenseLines).where(and(inArray(dispenseLines.dispenseId, heads.map((head) => head.id)), isNull(dispenseLines.deletedAt))).orderBy(asc(dispenseLines.id)).all();
  return heads.map((head) => ({ ...head, lines: lines.filter((line) => line.dispenseId === head.id).map((line) => ({ productLabel: labelOf(line.productId), lot: line.lot, quantity: line.quantity })) }));
}
