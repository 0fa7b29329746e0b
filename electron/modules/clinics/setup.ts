import type { ClinicId, OrganizationId, UserId } from '#shared/domain/ids.ts';
import type { ClinicDetails } from '#shared/modules/clinics/clinic.ts';
import type { Db } from '../../db/database.ts';
import { newClinicId, newOrganizationId, newUserId } from '../../platform/ids.ts';
import { grantRole, insertUser } from '../users/index.ts';
import { insertClinic, insertOrganization } from './clinic-rows.ts';

export type FirstAdmin = {
  readonly fullName: string;
  readonly username: string;
  readonly email: string;
  readonly phone: string;
  readonly passwordHash: string;
};

/**
 * A clinic with its first administrator, in a new organization named after the clinic unless
 * another name is given; used by first-run setup and by the demo.
 */
export function createClinicWithAdmin(
  db: Db,
  clinic: ClinicDetails & { code: string },
  admin: FirstAdmin,
  nowMs: number,
  organizationName: string = clinic.name,
): { organizationId: OrganizationId; clinicId: ClinicId; adminId: UserId } {
  const organizationId = newOrganizationId();
  const clinicId = newClinicId();
  const adminId = newUserId();
  const { code, ...details } = clinic;
  insertOrganization(db, organizationId, organizationName, nowMs);
  insertClinic(db, clinicId, organizationId, code, details, nowMs);
  insertUser(db, { id: adminId, organizationId, ...admin }, nowMs);
  grantRole(db, adminId, clinicId, 'ADMIN', nowMs);
  return { organizationId, clinicId, adminId };
}
