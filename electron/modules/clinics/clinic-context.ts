import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { notFoundError } from '#shared/api/errors.ts';
import { localDateOf } from '#shared/scheduling/slots.ts';
import type { Db } from '../../db/database.ts';
import { isoAt } from '../../platform/clock.ts';
import { findClinic } from './clinic-rows.ts';

export type ClinicContext = {
  readonly clinicId: ClinicId;
  readonly userId: UserId;
  readonly code: string;
  readonly timeZone: string;
  /** Today in the clinic's zone, YYYY-MM-DD. */
  readonly today: string;
  readonly nowMs: number;
};

/** A clinic with what reception needs of it: its code for references, its zone for dates. */
export function clinicContextFor(db: Db, clinicId: ClinicId, userId: UserId, nowMs: number): ClinicContext {
  const clinic = findClinic(db, clinicId);
  if (clinic === undefined) throw notFoundError('This clinic no longer exists on this workstation.');
  return { clinicId, userId, code: clinic.code, timeZone: clinic.timeZone, today: localDateOf(isoAt(nowMs), clinic.timeZone), nowMs };
}
