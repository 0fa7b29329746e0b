import type { ClinicId, DeviceId } from '#shared/domain/ids.ts';
import { formatReference, type ReferenceSeries } from '#shared/domain/reference-numbers.ts';
import type { Db } from '../db/database.ts';
import { allocateNumber, takeNumber } from './number-blocks.ts';
import { issueProvisional, mayIssueProvisional } from './provisional.ts';
import { noteReferenceUse } from './reference-usage.ts';

export type ReferenceRequest = { readonly clinicId: ClinicId; readonly clinicCode: string; readonly series: ReferenceSeries; readonly deviceId: DeviceId; readonly nowMs: number };

/** A reference given out: from a leased block, or provisional until the workstation has one. */
export type IssuedReference = { readonly reference: string; readonly provisional: boolean };

/**
 * The next reference of a series for a new record, inside the write's transaction. A front desk
 * is never stopped by the internet being down: with its leased numbers used up, it gives a
 * provisional reference that sync renames once the hub leases more.
 */
export function issueReference(db: Db, request: ReferenceRequest): IssuedReference {
  noteReferenceUse(db, request.clinicId, request.series, request.nowMs);
  const number = mayIssueProvisional(db, request.clinicId) ? takeNumber(db, request) : allocateNumber(db, request);
  if (number !== null) return { reference: formatReference(request.clinicCode, request.series, number), provisional: false };
  return { reference: issueProvisional(db, request), provisional: true };
}
