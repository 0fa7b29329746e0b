import { referenceSeries } from '#shared/domain/reference-numbers.ts';
import { eq } from 'drizzle-orm';
import { patients } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import type { ReferenceRenamer } from '../../sync/participants.ts';

/**
 * A patient registered under a provisional record number takes the leased one; the provisional
 * number stays in provisional_mrn, where search still finds it.
 */
export const renumberPatient: ReferenceRenamer = {
  series: referenceSeries.medicalRecord,
  rename: (db, change) => {
    const [row] = db.update(patients).set({ mrn: change.leased, updatedAt: isoAt(change.nowMs) }).where(eq(patients.mrn, change.provisional)).returning({ id: patients.id }).all();
    return row === undefined ? null : { entityType: 'patient', entityId: row.id };
  },
};
