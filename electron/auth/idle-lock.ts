import { IDLE_LOCK_MINUTES_DEFAULT } from '#shared/modules/clinics/clinic.ts';
import type { Db } from '../db/database.ts';
import { findClinic } from '../modules/clinics/index.ts';
import type { Session } from './sessions.ts';

/** How long a session may stay idle before its screen locks: its clinic's setting. */
export function idleLockMinutesFor(db: Db, session: Session): number {
  if (session.activeClinicId === null) return IDLE_LOCK_MINUTES_DEFAULT;
  return findClinic(db, session.activeClinicId)?.idleLockMinutes ?? IDLE_LOCK_MINUTES_DEFAULT;
}
