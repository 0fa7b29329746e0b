import type { ClinicId, OrganizationId } from '#shared/domain/ids.ts';
import { notFoundError } from '#shared/api/errors.ts';
import type { Db } from '../../db/database.ts';
import { organizationOfClinic } from '../clinics/index.ts';
import { productRowIn } from './product-rows.ts';
import type { MedicineProductRow } from './tables.ts';

/** The catalogue a clinic uses is its organization's. */
export function organizationOf(db: Db, clinicId: ClinicId): OrganizationId {
  const organizationId = organizationOfClinic(db, clinicId);
  if (organizationId === undefined) throw notFoundError('This clinic no longer exists on this workstation.');
  return organizationId;
}

export function requireProduct(db: Db, organizationId: OrganizationId, productId: string): MedicineProductRow {
  const row = productRowIn(db, organizationId, productId);
  if (row === undefined) throw notFoundError('That product is not in this catalogue.');
  return row;
}
