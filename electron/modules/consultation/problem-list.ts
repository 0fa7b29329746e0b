import type { PatientId } from '#shared/domain/ids.ts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Problem } from '#shared/modules/consultation/calls.ts';
import type { Db } from '../../db/database.ts';
import { encounterDiagnoses, patientConditions } from '../../db/schema/index.ts';

/**
 * The patient's active problems, carried from encounter to encounter: the chronic conditions
 * written at registration and every diagnosis a doctor marked chronic, each code once.
 */
export function problemListOf(db: Db, patientIds: readonly PatientId[]): Problem[] {
  const ids = [...patientIds];
  const registered = db
    .select({ name: patientConditions.name })
    .from(patientConditions)
    .where(and(inArray(patientConditions.patientId, ids), isNull(patientConditions.deletedAt)))
    .all()
    .map((row): Problem => ({ source: 'REGISTRATION', name: row.name, code: null, since: null }));
  const diagnosed = new Map<string, Problem>();
  const chronic = db
    .select({ code: encounterDiagnoses.code, title: encounterDiagnoses.title, createdAt: encounterDiagnoses.createdAt })
    .from(encounterDiagnoses)
    .where(and(inArray(encounterDiagnoses.patientId, ids), eq(encounterDiagnoses.chronic, true)))
    .orderBy(asc(encounterDiagnoses.createdAt))
    .all();
  for (const row of chronic) if (!diagnosed.has(row.code)) diagnosed.set(row.code, { source: 'DIAGNOSIS', name: row.title, code: row.code, since: row.createdAt });
  return [...registered, ...diagnosed.values()];
}
