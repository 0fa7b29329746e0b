import type { OrganizationId } from '#shared/domain/ids.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { checkGtin } from '#shared/modules/medicines/gtin.ts';
import type { Db } from '../../db/database.ts';
import { medicineBarcodes } from '../../db/schema/index.ts';
import { productRowIn } from './product-rows.ts';
import type { MedicineProductRow } from './tables.ts';

/**
 * The product a scanned or typed code names: as a GTIN of any length (matched in its 14-digit
 * form) when it is one, else as the clinic's own code.
 */
export function findByCode(db: Db, organizationId: OrganizationId, code: string): MedicineProductRow | undefined {
  const gtin = checkGtin(code);
  const candidates = gtin.valid ? [gtin.gtin14, code.trim().toUpperCase()] : [code.trim().toUpperCase()];
  for (const lookupCode of candidates) {
    const held = db
      .select({ productId: medicineBarcodes.productId })
      .from(medicineBarcodes)
      .where(and(eq(medicineBarcodes.organizationId, organizationId), eq(medicineBarcodes.lookupCode, lookupCode), isNull(medicineBarcodes.deletedAt)))
      .get();
    if (held !== undefined) return productRowIn(db, organizationId, held.productId);
  }
  return undefined;
}
