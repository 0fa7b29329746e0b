import type { ClinicId, PatientId, UserId } from '#shared/domain/ids.ts';
import type { RegisterEntryKind } from '#shared/modules/dispensing/register-views.ts';
import type { Db } from '../../db/database.ts';
import { controlledRegister } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

// The controlled drugs register is written by whatever hands a controlled product over (a
// dispense, a sale, a return), inside that write's own transaction: a supply without its entry,
// or an entry without its supply, cannot be left behind by a crash.

export type ControlledSupply = {
  readonly clinicId: ClinicId;
  readonly kind: RegisterEntryKind;
  readonly productId: string;
  readonly batchId: string;
  /** Packs handed over (a return's are given back: written negative). */
  readonly packs: number;
  readonly patientId: PatientId | null;
  readonly prescriptionId: string | null;
  readonly documentId: string;
  readonly userId: UserId;
  readonly deviceName: string;
  readonly nowMs: number;
};

export function recordControlledSupply(tx: Db, supply: ControlledSupply): void {
  const now = isoAt(supply.nowMs);
  const quantity = supply.kind === 'RETURN' ? -Math.abs(supply.packs) : Math.abs(supply.packs);
  tx.insert(controlledRegister)
    .values({ id: newId(), clinicId: supply.clinicId, kind: supply.kind, productId: supply.productId, batchId: supply.batchId, quantity, patientId: supply.patientId, prescriptionId: supply.prescriptionId, documentId: supply.documentId, userId: supply.userId, deviceName: supply.deviceName, occurredAt: now, createdAt: now, updatedAt: now })
    .run();
}
