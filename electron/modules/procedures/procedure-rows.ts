import { and, asc, eq, isNull } from 'drizzle-orm';
import type { PerformedProcedure } from '#shared/modules/procedures/performed.ts';
import type { Db } from '../../db/database.ts';
import { encounterProcedures } from '../../db/schema/index.ts';
import type { EncounterProcedureRow } from './tables.ts';

/** The procedures an encounter performed, in the order they were recorded; removed ones are tombstones. */
export function liveProceduresOf(db: Db, encounterId: string): EncounterProcedureRow[] {
  return db
    .select()
    .from(encounterProcedures)
    .where(and(eq(encounterProcedures.encounterId, encounterId), isNull(encounterProcedures.deletedAt)))
    .orderBy(asc(encounterProcedures.createdAt), asc(encounterProcedures.id))
    .all();
}

export function procedureView(row: EncounterProcedureRow): PerformedProcedure {
  return {
    id: row.id,
    encounterId: row.encounterId,
    code: row.procedureCode,
    name: row.procedureName,
    site: row.site,
    notes: row.notes,
    quantity: row.quantity,
    unitPriceMinor: row.unitPriceMinor,
    planStepId: row.planStepId,
    performedAt: row.createdAt,
  };
}

export function proceduresOfEncounter(db: Db, encounterId: string): PerformedProcedure[] {
  return liveProceduresOf(db, encounterId).map(procedureView);
}
