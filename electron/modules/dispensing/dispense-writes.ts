import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import type { Db } from '../../db/database.ts';
import { dispenseLines, dispenses } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { recordMovement } from '../stock/index.ts';
import { recordControlledSupply } from './controlled-register.ts';
import type { DispensePlan } from './dispense-plan.ts';

// A dispense's rows, written in the caller's one transaction: the record, its lines, the stock
// movements that take the packs off their batches, and the register entry of a controlled medicine.

export type DispenseWrite = {
  readonly id: string;
  readonly clinicId: ClinicId;
  readonly prescriptionId: string;
  readonly patientId: PatientId;
  readonly plan: DispensePlan;
  readonly userId: UserId;
  readonly deviceName: string;
  readonly nowMs: number;
};

export function writeDispense(tx: Db, write: DispenseWrite): void {
  const now = isoAt(write.nowMs);
  const stamps = { createdAt: now, updatedAt: now };
  const overrides = write.plan.overrides.map((override) => ({ alertId: override.id, kind: override.kind, severity: override.severity, message: override.message, reason: override.reason, userId: write.userId, at: now }));
  tx.insert(dispenses).values({ id: write.id, clinicId: write.clinicId, prescriptionId: write.prescriptionId, patientId: write.patientId, pharmacistUserId: write.userId, deviceName: write.deviceName, overridesJson: JSON.stringify(overrides), dispensedAt: now, ...stamps }).run();
  for (const pack of write.plan.packs) {
    const { line } = pack;
    tx.insert(dispenseLines)
      .values({ id: newId(), dispenseId: write.id, prescriptionLineId: line.id, patientId: write.patientId, productId: line.productId, batchId: pack.batchId, lot: pack.lot, quantity: pack.quantity, unitPriceMinor: line.unitPriceMinor, ...stamps })
      .run();
    const common = { clinicId: write.clinicId, batchId: pack.batchId, productId: line.productId, documentId: write.id, userId: write.userId, deviceName: write.deviceName, nowMs: write.nowMs };
    recordMovement(tx, { ...common, kind: 'DISPENSE', packs: pack.quantity, reason: pack.expiredOverrideReason === '' ? '' : `Expired, given with override: ${pack.expiredOverrideReason}` });
    if (line.controlled) recordControlledSupply(tx, { ...common, kind: 'DISPENSE', packs: pack.quantity, patientId: write.patientId, prescriptionId: write.prescriptionId });
  }
}
