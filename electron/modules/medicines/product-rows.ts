import type { ClinicId, OrganizationId } from '#shared/domain/ids.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { doseUnits, productSummarySchema, type Barcode, type DoseAmount, type Product, type ProductSummary } from '#shared/modules/medicines/product.ts';
import type { Db } from '../../db/database.ts';
import { medicineBarcodes, medicineClinicSettings, medicineProducts } from '../../db/schema/index.ts';
import type { MedicineProductRow } from './tables.ts';

// Amounts are stored in thousandths of their unit as integers (tables.ts).
const MILLI = 1000;

export function toMilli(amount: number): number {
  return Math.round(amount * MILLI);
}

const storedIngredientsSchema = z.array(z.object({ name: z.string(), strength: z.string() }));
const storedPackSizesSchema = z.array(z.number());
const doseUnitSchema = z.enum(doseUnits);

/** A JSON column as written by this module; a row synced from a newer version with something else reads as empty rather than failing the screen. */
function parsedJson<T>(schema: z.ZodType<T>, text: string, fallback: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

function amountOf(milli: number | null, unit: string | null): DoseAmount | null {
  if (milli === null || unit === null) return null;
  const parsedUnit = doseUnitSchema.safeParse(unit);
  return parsedUnit.success ? { amount: milli / MILLI, unit: parsedUnit.data } : null;
}

export function ingredientsOf(row: Pick<MedicineProductRow, 'ingredients'>): { name: string; strength: string }[] {
  return parsedJson(storedIngredientsSchema, row.ingredients, []);
}

/** The columns a list of products needs. */
export type SummaryColumns = Pick<MedicineProductRow, 'id' | 'kind' | 'genericName' | 'brandName' | 'strengthText' | 'doseForm' | 'prescriptionOnly' | 'controlled' | 'highAlert' | 'active'>;

export function summaryOf(row: SummaryColumns): ProductSummary {
  return productSummarySchema.parse({
    id: row.id,
    kind: row.kind,
    genericName: row.genericName,
    brandName: row.brandName,
    strengthText: row.strengthText,
    doseForm: row.doseForm,
    prescriptionOnly: row.prescriptionOnly,
    controlled: row.controlled,
    highAlert: row.highAlert,
    active: row.active,
  });
}

export function productRowIn(db: Db, organizationId: OrganizationId, productId: string): MedicineProductRow | undefined {
  return db
    .select()
    .from(medicineProducts)
    .where(and(eq(medicineProducts.id, productId), eq(medicineProducts.organizationId, organizationId), isNull(medicineProducts.deletedAt)))
    .get();
}

export function barcodesOf(db: Db, productId: string): Barcode[] {
  return db
    .select({ id: medicineBarcodes.id, kind: medicineBarcodes.kind, code: medicineBarcodes.code, lookupCode: medicineBarcodes.lookupCode })
    .from(medicineBarcodes)
    .where(and(eq(medicineBarcodes.productId, productId), isNull(medicineBarcodes.deletedAt)))
    .orderBy(medicineBarcodes.createdAt)
    .all();
}

/** A product with its codes and what the clinic charges for it. */
export function productOf(db: Db, row: MedicineProductRow, clinicId: ClinicId): Product {
  const settings = db
    .select({ salePriceMinor: medicineClinicSettings.salePriceMinor, taxRateBp: medicineClinicSettings.taxRateBp, reorderLevel: medicineClinicSettings.reorderLevel })
    .from(medicineClinicSettings)
    .where(and(eq(medicineClinicSettings.productId, row.id), eq(medicineClinicSettings.clinicId, clinicId), isNull(medicineClinicSettings.deletedAt)))
    .get();
  return {
    ...summaryOf(row),
    strength: amountOf(row.strengthMilli, row.strengthUnit),
    route: row.route,
    ingredients: ingredientsOf(row),
    atcCode: row.atcCode,
    therapeuticClass: row.therapeuticClass,
    packSizes: parsedJson(storedPackSizesSchema, row.packSizes, []),
    maxDailyDose: amountOf(row.maxDailyDoseMilli, row.maxDailyDoseUnit),
    barcodes: barcodesOf(db, row.id),
    clinicSettings: settings ?? null,
    updatedAt: row.updatedAt,
  };
}

/** The dose maths a product allows: its strength and maximum daily dose as numbers. */
export function doseFactsOf(row: MedicineProductRow): { strength: DoseAmount | null; maxDailyDose: DoseAmount | null } {
  return { strength: amountOf(row.strengthMilli, row.strengthUnit), maxDailyDose: amountOf(row.maxDailyDoseMilli, row.maxDailyDoseUnit) };
}
