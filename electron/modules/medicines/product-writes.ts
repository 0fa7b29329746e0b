import type { ClinicId, OrganizationId } from '#shared/domain/ids.ts';
import { eq } from 'drizzle-orm';
import { v5 as uuidv5 } from 'uuid';
import type { BarcodeKind, ParsedProductInput } from '#shared/modules/medicines/product.ts';
import type { Db } from '../../db/database.ts';
import { medicineBarcodes, medicineClinicSettings, medicineProducts } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { toMilli } from './product-rows.ts';
import type { MedicineBarcodeRow } from './tables.ts';

// Keys made from what a row is about (a code in an organization, a product in a clinic), so two
// workstations that make the same row offline make one row, merged like any register.
const BARCODE_NAMESPACE = '0b6c9f0e-5d0b-4a53-9b43-6f1f6c2d7a10';
const CLINIC_SETTINGS_NAMESPACE = '6a1f3c2e-8e1d-4f57-a0c4-2b7d9e5f1c33';

export function barcodeIdFor(organizationId: OrganizationId, lookupCode: string): string {
  return uuidv5(`${organizationId}\u0000${lookupCode}`, BARCODE_NAMESPACE);
}

export function clinicSettingsIdFor(clinicId: ClinicId, productId: string): string {
  return uuidv5(`${clinicId}\u0000${productId}`, CLINIC_SETTINGS_NAMESPACE);
}

/** The product's columns as its input gives them. */
function productColumns(input: ParsedProductInput) {
  return {
    kind: input.kind,
    genericName: input.genericName,
    brandName: input.brandName,
    strengthText: input.strengthText,
    strengthMilli: input.strength === null ? null : toMilli(input.strength.amount),
    strengthUnit: input.strength?.unit ?? null,
    doseForm: input.doseForm,
    route: input.route,
    ingredients: JSON.stringify(input.ingredients.map((ingredient) => ({ name: ingredient.name, strength: ingredient.strength }))),
    atcCode: input.atcCode,
    therapeuticClass: input.therapeuticClass,
    packSizes: JSON.stringify(input.packSizes),
    prescriptionOnly: input.prescriptionOnly,
    controlled: input.controlled,
    highAlert: input.highAlert,
    maxDailyDoseMilli: input.maxDailyDose === null ? null : toMilli(input.maxDailyDose.amount),
    maxDailyDoseUnit: input.maxDailyDose?.unit ?? null,
  };
}

export function insertProduct(tx: Db, id: string, organizationId: OrganizationId, input: ParsedProductInput, nowMs: number): void {
  const now = isoAt(nowMs);
  tx.insert(medicineProducts)
    .values({ id, organizationId, ...productColumns(input), active: true, createdAt: now, updatedAt: now })
    .run();
}

export function updateProduct(tx: Db, id: string, input: ParsedProductInput, nowMs: number): void {
  tx.update(medicineProducts)
    .set({ ...productColumns(input), updatedAt: isoAt(nowMs) })
    .where(eq(medicineProducts.id, id))
    .run();
}

export function setProductActive(tx: Db, id: string, active: boolean, nowMs: number): void {
  tx.update(medicineProducts).set({ active, updatedAt: isoAt(nowMs) }).where(eq(medicineProducts.id, id)).run();
}

export type NewBarcode = { readonly organizationId: OrganizationId; readonly productId: string; readonly kind: BarcodeKind; readonly code: string; readonly lookupCode: string };

/** Puts a code on a product: a new row, or the tombstoned one the code had before brought back. */
export function putBarcode(tx: Db, barcode: NewBarcode, held: MedicineBarcodeRow | undefined, nowMs: number): string {
  const now = isoAt(nowMs);
  const id = barcodeIdFor(barcode.organizationId, barcode.lookupCode);
  if (held === undefined) {
    tx.insert(medicineBarcodes)
      .values({ id, ...barcode, createdAt: now, updatedAt: now })
      .run();
  } else {
    tx.update(medicineBarcodes).set({ productId: barcode.productId, kind: barcode.kind, code: barcode.code, deletedAt: null, updatedAt: now }).where(eq(medicineBarcodes.id, id)).run();
  }
  return id;
}

export function removeBarcode(tx: Db, id: string, nowMs: number): void {
  const now = isoAt(nowMs);
  tx.update(medicineBarcodes).set({ deletedAt: now, updatedAt: now }).where(eq(medicineBarcodes.id, id)).run();
}

export type ClinicSettingsValues = { readonly salePriceMinor: number | null; readonly taxRateBp: number; readonly reorderLevel: number };

export function putClinicSettings(tx: Db, clinicId: ClinicId, productId: string, values: ClinicSettingsValues, nowMs: number): void {
  const now = isoAt(nowMs);
  tx.insert(medicineClinicSettings)
    .values({ id: clinicSettingsIdFor(clinicId, productId), clinicId, productId, ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: medicineClinicSettings.id, set: { ...values, deletedAt: null, updatedAt: now } })
    .run();
}
