import { eq } from 'drizzle-orm';
import { conflictError } from '#shared/api/errors.ts';
import { overridesMissing } from '#shared/modules/medicines/index.ts';
import type { DoseUnit } from '#shared/modules/medicines/index.ts';
import type { EncounterRow, EncounterSigner } from '../consultation/index.ts';
import type { Db } from '../../db/database.ts';
import { prescriptionLines, prescriptions } from '../../db/schema/index.ts';
import { organizationOf } from '../medicines/index.ts';
import { mergeSetOf } from '../patients/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { liveDraftLines, overridesOf, prescriptionOfEncounter } from './prescription-rows.ts';
import { checkLines } from './safety-checks.ts';

/**
 * Signing the encounter signs its prescription: the checks run once more (the patient's
 * allergies or medicines may have changed since), and the draft lines become ledger lines.
 */
export function signPrescription(tx: Db, encounter: EncounterRow, signer: EncounterSigner): void {
  const prescription = prescriptionOfEncounter(tx, encounter.id);
  if (prescription?.status !== 'DRAFT') return;
  const lines = liveDraftLines(tx, prescription.id);
  if (lines.length === 0) return;
  const scope = { organizationId: organizationOf(tx, encounter.clinicId), patientIds: mergeSetOf(tx, encounter.patientId), prescriptionId: prescription.id, nowMs: signer.nowMs };
  const alerts = checkLines(tx, scope, lines.map((line) => ({ productId: line.productId, dose: { amount: line.doseMilli / 1000, unit: line.doseUnit as DoseUnit }, frequency: line.frequency })));
  const [missing] = overridesMissing(alerts, lines.flatMap(overridesOf));
  if (missing !== undefined) throw conflictError(`${missing.message} Give a reason to go ahead in the prescription before signing.`, 'prescription');
  const now = isoAt(signer.nowMs);
  for (const line of lines) {
    const { prescriptionId, patientId, position, productId, productLabel, doseMilli, doseUnit, route, frequency, durationDays, quantity, refills, instructions, overridesJson } = line;
    tx.insert(prescriptionLines)
      .values({ id: newId(), prescriptionId, patientId, position, productId, productLabel, doseMilli, doseUnit, route, frequency, durationDays, quantity, refills, instructions, overridesJson, signedByUserId: signer.userId, signedAt: now, createdAt: now })
      .run();
  }
  tx.update(prescriptions).set({ status: 'SIGNED', signedAt: now, updatedAt: now }).where(eq(prescriptions.id, prescription.id)).run();
}
