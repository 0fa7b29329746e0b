import type { ClinicId, OrganizationId } from '#shared/domain/ids.ts';
import { productLabel } from '#shared/modules/medicines/index.ts';
import { isExpired } from '#shared/modules/stock/expiry.ts';
import type { ScanResult } from '#shared/modules/stock/stock-views.ts';
import { readScannedCode } from '#shared/scanning/scanned-code.ts';
import type { Db } from '../../db/database.ts';
import { findByCode } from '../medicines/index.ts';
import { batchIdFor, batchOnHand } from './batch-rows.ts';

/**
 * What a scan at the counter or at goods-in names: the product by its code, and for a GS1 pack the
 * batch of its lot, with warnings the pharmacist must see (a lot never received here, an expired
 * pack, an expiry on the pack that differs from the batch's).
 */
export function resolveScan(db: Db, organizationId: OrganizationId, clinicId: ClinicId, today: string, code: string): ScanResult {
  const reading = readScannedCode(code);
  if (reading.kind === 'refused') return { reading, product: null, batch: null, warnings: [] };
  const lookup = reading.kind === 'own-code' ? reading.code : reading.gtin14;
  const product = findByCode(db, organizationId, lookup);
  const answerReading = reading.kind === 'gs1' ? { kind: reading.kind, expiry: reading.expiry, lot: reading.lot, serial: reading.serial } : { kind: reading.kind };
  if (product === undefined) return { reading: answerReading, product: null, batch: null, warnings: [] };
  const productView = { id: product.id, label: productLabel(product), controlled: product.controlled, prescriptionOnly: product.prescriptionOnly };
  const warnings: string[] = [];
  if (reading.kind === 'gs1' && isExpired(reading.expiry, today)) warnings.push(`This pack expired on ${reading.expiry ?? ''}.`);
  let batch = null;
  if (reading.kind === 'gs1' && reading.lot !== null) {
    batch = batchOnHand(db, clinicId, batchIdFor(clinicId, product.id, reading.lot)) ?? null;
    if (batch === null) warnings.push(`Lot ${reading.lot} has not been received at this clinic.`);
    else if (reading.expiry !== null && batch.expiryDate !== null && batch.expiryDate !== reading.expiry) warnings.push(`The pack says it expires on ${reading.expiry}, the batch on ${batch.expiryDate}.`);
  }
  return { reading: answerReading, product: productView, batch, warnings };
}
