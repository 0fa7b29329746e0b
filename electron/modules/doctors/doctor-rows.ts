import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Doctor } from '#shared/modules/doctors/calls.ts';
import type { Db } from '../../db/database.ts';
import { doctorProfiles, memberships, users } from '../../db/schema/index.ts';

/** The doctors of a clinic: users holding the Doctor role there, with their profiles if filled in. */
export function doctorsOf(db: Db, clinicId: ClinicId): Doctor[] {
  return db
    .select({ user: users, profile: doctorProfiles })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(doctorProfiles, and(eq(doctorProfiles.userId, users.id), isNull(doctorProfiles.deletedAt)))
    .where(and(eq(memberships.clinicId, clinicId), eq(memberships.role, 'DOCTOR'), isNull(memberships.deletedAt), isNull(users.deletedAt)))
    .orderBy(users.fullName)
    .all()
    .map(({ user, profile }) => ({
      userId: user.id,
      fullName: user.fullName,
      specialization: profile?.specialization ?? null,
      registrationNumber: profile?.registrationNumber ?? '',
      visibility: profile?.visibility ?? 'PUBLIC',
      active: profile?.active ?? false,
      bookable: user.active && profile !== null && profile.active,
    }));
}

export function doctorIn(db: Db, clinicId: ClinicId, doctorUserId: UserId): Doctor | undefined {
  return doctorsOf(db, clinicId).find((doctor) => doctor.userId === doctorUserId);
}
