import type { ClinicId } from '#shared/domain/ids.ts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { medicineClinicSettings } from '../../db/schema/index.ts';

export { CASH_INCREMENT_MINOR, PRICES_INCLUDE_TAX } from '#shared/modules/sales/pricing-rules.ts';

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
