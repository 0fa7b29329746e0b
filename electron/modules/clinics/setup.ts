import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import type { ClinicDetails } from '#shared/modules/clinics/clinic.ts';
import type { Db } from '../../db/database.ts';
import { newClinicId, newUserId } from '../../platform/ids.ts';
import { insertUser, setMembership } from '../users/index.ts';
import { insertClinic } from './clinic-rows.ts';

export type FirstAdmin = {
  readonly fullName: string;
  readonly username: string;
  readonly email: string;
  readonly phone: string;
  readonly passwordHash: string;
};

/** A clinic with its first administrator; used by first-run setup and by the demo. */
export function createClinicWithAdmin(
  db: Db,
  clinic: ClinicDetails & { code: string },
  admin: FirstAdmin,
  nowMs: number,
): { clinicId: ClinicId; adminId: UserId } {
  const clinicId = newClinicId();
  const adminId = newUserId();
  const { code, ...details } = clinic;
  insertClinic(db, clinicId, code, details, nowMs);
  insertUser(db, { id: adminId, ...admin }, nowMs);
  setMembership(db, adminId, clinicId, 'ADMIN', nowMs);
  return { clinicId, adminId };
}
