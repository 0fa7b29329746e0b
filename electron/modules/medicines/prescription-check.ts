import type { OrganizationId } from '#shared/domain/ids.ts';
import { inArray } from 'drizzle-orm';
import { notFoundError } from '#shared/api/errors.ts';
import type { PrescriptionAlert } from '#shared/modules/medicines/checks/alerts.ts';
import type { RecordedAllergy } from '#shared/modules/medicines/checks/allergy-check.ts';
import type { MedicineForCheck } from '#shared/modules/medicines/checks/medicine-concepts.ts';
import { checkPrescription } from '#shared/modules/medicines/checks/prescription-checks.ts';
import { productLabel, type DoseAmount } from '#shared/modules/medicines/product.ts';
import type { Db } from '../../db/database.ts';
import { medicineProducts } from '../../db/schema/index.ts';
import { knowledgeIndexOf } from './interaction-store.ts';
import { doseFactsOf, ingredientsOf } from './product-rows.ts';
import type { MedicineProductRow } from './tables.ts';

export type CheckedItem = { readonly productId: string; readonly dose: DoseAmount | null; readonly timesPerDay: number | null };

export type CatalogueCheckRequest = {
  readonly items: readonly CheckedItem[];
  readonly currentProductIds: readonly string[];
  readonly allergies: readonly RecordedAllergy[];
};

function medicineOf(row: MedicineProductRow): MedicineForCheck {
  return {
    productId: row.id,
    label: productLabel(row),
    genericName: row.genericName,
    ingredients: ingredientsOf(row).map((ingredient) => ingredient.name),
    atcCode: row.atcCode,
    therapeuticClass: row.therapeuticClass,
    ...doseFactsOf(row),
  };
}

function productsById(db: Db, organizationId: OrganizationId, ids: readonly string[]): Map<string, MedicineProductRow> {
  if (ids.length === 0) return new Map();
  // By key alone, then the organization: with the organization in the query, SQLite may walk the
  // organization's whole catalogue through a name index instead of looking up fifteen keys.
  const rows = db.select().from(medicineProducts).where(inArray(medicineProducts.id, [...new Set(ids)])).all();
  return new Map(rows.filter((row) => row.organizationId === organizationId && row.deletedAt === null).map((row) => [row.id, row]));
}

/**
 * The prescribing checks over catalogue products: what the consultation calls when prescribing
 * and the pharmacy when dispensing. A current medicine no longer in the catalogue is left out.
 */
export function checkCataloguePrescription(db: Db, organizationId: OrganizationId, request: CatalogueCheckRequest): PrescriptionAlert[] {
  const found = productsById(db, organizationId, [...request.items.map((item) => item.productId), ...request.currentProductIds]);
  const proposed = request.items.map((item) => {
    const row = found.get(item.productId);
    if (row === undefined) throw notFoundError('A medicine of this prescription is not in the catalogue.');
    return { ...medicineOf(row), dose: item.dose, timesPerDay: item.timesPerDay };
  });
  const current = request.currentProductIds.flatMap((id) => {
    const row = found.get(id);
    return row === undefined ? [] : [medicineOf(row)];
  });
  return checkPrescription(knowledgeIndexOf(db), { proposed, current, allergies: request.allergies });
}
