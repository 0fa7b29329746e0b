import type { CallInput } from '#shared/api/contract.ts';
import type { AuditOutcome } from '#shared/modules/audit/calls.ts';
import { localDayBounds } from '#shared/scheduling/slots.ts';
import type { PickedPatient } from '../patients/index.ts';

export type AuditFilters = { userId: string | null; action: string | null; outcome: AuditOutcome | null; from: string; to: string; patient: PickedPatient | null };
export const noAuditFilters: AuditFilters = { userId: null, action: null, outcome: null, from: '', to: '', patient: null };

export type AuditQuery = Omit<CallInput<'audit.list'>, 'limit' | 'before'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days picked in the clinic's calendar, as the UTC bounds of those whole days in its zone. */
function dayBounds(date: string, timeZone: string): { startAt: string; endAt: string } | null {
  return DATE.test(date) ? localDayBounds(date, timeZone) : null;
}

export function auditQuery(filters: AuditFilters, timeZone: string): AuditQuery {
  const from = dayBounds(filters.from, timeZone);
  const to = dayBounds(filters.to, timeZone);
  return {
    ...(filters.userId === null ? {} : { userId: filters.userId }),
    ...(filters.action === null ? {} : { action: filters.action }),
    ...(filters.outcome === null ? {} : { outcome: filters.outcome }),
    ...(filters.patient === null ? {} : { patientId: filters.patient.id }),
    ...(from === null ? {} : { from: from.startAt }),
    // The filter's end is inclusive: the last millisecond of the day.
    ...(to === null ? {} : { to: new Date(Date.parse(to.endAt) - 1).toISOString() }),
  };
}
