import type { ClinicId } from '#shared/domain/ids.ts';
import { formatProvisionalReference, type ReferenceSeries } from '#shared/domain/reference-numbers.ts';
import { and, asc, count, eq, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
import { readMetaWith } from '../db/local-meta.ts';
import { literalLimit } from '../db/literal-limit.ts';
import { provisionalReferences } from '../db/schema/index.ts';
import { isoAt } from '../platform/clock.ts';

/**
 * Whether this workstation may give out provisional references of a clinic: only of the clinic
 * it is enrolled in at the hub, where the hub numbered it. It could not send another clinic's
 * records up anyway, and its number there could be another workstation's.
 */
export function mayIssueProvisional(db: Db, clinicId: ClinicId): boolean {
  return readMetaWith(db, 'hub_clinic_id') === clinicId;
}

export type ProvisionalRequest = { readonly clinicId: ClinicId; readonly clinicCode: string; readonly series: ReferenceSeries; readonly nowMs: number };

/**
 * A provisional reference for a workstation with no leased number left: its hub-given number in
 * the clinic and its own counter make it unique among the clinic's workstations. Call it inside
 * the write's transaction, so a write that fails leaves no reference behind.
 */
export function issueProvisional(db: Db, request: ProvisionalRequest): string {
  // Only a workstation a hub leases to runs out, and enrolling gave it its number (mayIssueProvisional).
  const workstationNumber = Number(readMetaWith(db, 'hub_workstation') ?? '1');
  const last = db
    .select({ counter: max(provisionalReferences.counter) })
    .from(provisionalReferences)
    .where(and(eq(provisionalReferences.clinicId, request.clinicId), eq(provisionalReferences.series, request.series)))
    .get()?.counter;
  const counter = (last ?? 0) + 1;
  const reference = formatProvisionalReference(request.clinicCode, request.series, workstationNumber, counter);
  db.insert(provisionalReferences).values({ reference, clinicId: request.clinicId, series: request.series, counter, issuedAt: isoAt(request.nowMs) }).run();
  return reference;
}

export type WaitingProvisional = { readonly reference: string; readonly clinicId: ClinicId; readonly series: string };

/** Provisional references still waiting for a leased number, oldest first. */
export function waitingProvisionals(db: Db, limit: number): WaitingProvisional[] {
  return db
    .select({ reference: provisionalReferences.reference, clinicId: provisionalReferences.clinicId, series: provisionalReferences.series })
    .from(provisionalReferences)
    .where(isNull(provisionalReferences.renamedAt))
    .orderBy(asc(provisionalReferences.issuedAt), asc(provisionalReferences.counter))
    .limit(literalLimit(limit))
    .all();
}

/** How many of a series' provisional references wait for a leased number. */
export function countWaitingProvisionals(db: Db, clinicId: ClinicId, series: ReferenceSeries): number {
  const query = prepared(db, 'references.countWaitingProvisionals', (handle) =>
    handle
      .select({ waiting: count() })
      .from(provisionalReferences)
      .where(and(eq(provisionalReferences.clinicId, sql.placeholder('clinicId')), eq(provisionalReferences.series, sql.placeholder('series')), isNull(provisionalReferences.renamedAt)))
      .prepare(),
  );
  return query.get({ clinicId, series })?.waiting ?? 0;
}

/** Marks a provisional reference done: renamed to a leased one, or (renamedTo null) with nothing left to rename. */
export function markProvisionalSettled(db: Db, reference: string, renamedTo: string | null, nowMs: number): void {
  db.update(provisionalReferences).set({ renamedTo, renamedAt: isoAt(nowMs) }).where(eq(provisionalReferences.reference, reference)).run();
}
