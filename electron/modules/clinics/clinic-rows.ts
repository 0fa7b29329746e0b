import type { ClinicId, OrganizationId } from '#shared/domain/ids.ts';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Clinic, ClinicDetails, ClinicStatus } from '#shared/modules/clinics/clinic.ts';
import type { Db } from '../../db/database.ts';
import { clinics, organizations } from '../../db/schema/index.ts';
import type { ClinicRow } from './tables.ts';
import { prepared } from '../../db/prepared.ts';
import { isoAt } from '../../platform/clock.ts';

export function clinicFromRow(row: ClinicRow): Clinic {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    country: row.country,
    state: row.state,
    city: row.city,
    address: row.address,
    phone: row.phone,
    currency: row.currency,
    timeZone: row.timeZone,
    status: row.status,
    idleLockMinutes: row.idleLockMinutes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function findClinic(db: Db, clinicId: ClinicId): ClinicRow | undefined {
  return prepared(db, 'clinics.byId', (handle) =>
    handle
      .select()
      .from(clinics)
      .where(and(eq(clinics.id, sql.placeholder('id')), isNull(clinics.deletedAt)))
      .prepare(),
  ).get({ id: clinicId });
}

export function findClinicByCode(db: Db, code: string): ClinicRow | undefined {
  return db.select().from(clinics).where(eq(clinics.code, code)).get();
}

export function countClinics(db: Db): number {
  return db.select({ total: count() }).from(clinics).where(isNull(clinics.deletedAt)).get()?.total ?? 0;
}

export function insertOrganization(db: Db, id: OrganizationId, name: string, nowMs: number): void {
  const now = isoAt(nowMs);
  db.insert(organizations).values({ id, name, createdAt: now, updatedAt: now }).run();
}

export function insertClinic(db: Db, id: ClinicId, organizationId: OrganizationId, code: string, details: ClinicDetails, nowMs: number): void {
  const now = isoAt(nowMs);
  db.insert(clinics)
    .values({ id, organizationId, code, ...details, status: 'ACTIVE', createdAt: now, updatedAt: now })
    .run();
}

/** The organization a clinic belongs to; undefined for a clinic this workstation does not hold. */
export function organizationOfClinic(db: Db, clinicId: ClinicId): OrganizationId | undefined {
  return db.select({ organizationId: clinics.organizationId }).from(clinics).where(eq(clinics.id, clinicId)).get()?.organizationId;
}

export type ClinicChanges = ClinicDetails & { status: ClinicStatus; idleLockMinutes: number };

export function updateClinic(db: Db, clinicId: ClinicId, changes: ClinicChanges, nowMs: number): void {
  db.update(clinics)
    .set({ ...changes, updatedAt: isoAt(nowMs) })
    .where(eq(clinics.id, clinicId))
    .run();
}
