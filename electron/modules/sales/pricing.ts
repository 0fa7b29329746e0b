import type { ClinicId } from '#shared/domain/ids.ts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { medicineClinicSettings } from '../../db/schema/index.ts';

/** Shelf prices include tax, as most pharmacies mark them; the receipt shows the tax within. */
export const PRICES_INCLUDE_TAX = true;

/** The smallest coin, in minor units: cash is rounded to it. */
export const CASH_INCREMENT_MINOR = 1;

export type ClinicPrice = { readonly salePriceMinor: number | null; readonly taxRateBasisPoints: number };

/** What this clinic charges for a product; a product never priced here has no price. */
export function clinicPriceOf(db: Db, clinicId: ClinicId, productId: string): ClinicPrice {
  const row = db
    .select({ salePriceMinor: medicineClinicSettings.salePriceMinor, taxRateBp: medicineClinicSettings.taxRateBp })
    .from(medicineClinicSettings)
    .where(and(eq(medicineClinicSettings.productId, productId), eq(medicineClinicSettings.clinicId, clinicId), isNull(medicineClinicSettings.deletedAt)))
    .get();
  return { salePriceMinor: row?.salePriceMinor ?? null, taxRateBasisPoints: row?.taxRateBp ?? 0 };
}
