import type { SessionView } from '#shared/api/calls/session.ts';
import { clinicLocale } from '#shared/domain/clinic-locale.ts';
import { findClinic } from '../modules/clinics/index.ts';
import type { Db } from '../db/database.ts';
import { findUserById, membershipsOf, type MembershipWithClinic } from '../modules/users/index.ts';
import { idleLockMinutesFor } from './idle-lock.ts';
import type { Session } from './sessions.ts';

/** Only administrators may open a clinic that is inactive or suspended, so they can reopen it. */
export function mayOpenClinic(membership: MembershipWithClinic): boolean {
  return membership.clinicStatus === 'ACTIVE' || membership.roles.includes('ADMIN');
}

export function buildSessionView(db: Db, session: Session): SessionView {
  const user = findUserById(db, session.userId);
  if (user === undefined) throw new Error('session user missing');
  const memberships = membershipsOf(db, [user.id]).get(user.id) ?? [];
  const active = memberships.find((membership) => membership.clinicId === session.activeClinicId);
  const clinic = active === undefined ? undefined : findClinic(db, active.clinicId);
  return {
    user: { id: user.id, fullName: user.fullName, username: user.username, mustChangePassword: user.mustChangePassword },
    memberships: memberships.map(({ clinicId, clinicCode, clinicName, clinicStatus, roles }) => ({
      clinicId,
      clinicCode,
      clinicName,
      clinicStatus,
      roles: [...roles],
    })),
    activeClinic:
      active === undefined || clinic === undefined
        ? null
        : {
            clinicId: clinic.id,
            code: clinic.code,
            name: clinic.name,
            roles: [...active.roles],
            timeZone: clinic.timeZone,
            locale: clinicLocale(clinic.country),
            currency: clinic.currency,
          },
    idleLockMinutes: idleLockMinutesFor(db, session),
    locked: session.locked,
  };
}

/** Opens the only clinic a user can work in, so they skip the picker. */
export function autoSelectClinic(db: Db, session: Session): void {
  const openable = (membershipsOf(db, [session.userId]).get(session.userId) ?? []).filter(mayOpenClinic);
  const only = openable[0];
  if (openable.length === 1 && only !== undefined) session.activeClinicId = only.clinicId;
}
