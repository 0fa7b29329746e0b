import { auditActionLabel } from './action-labels.ts';
import type { AuditEntry, AuditOutcome } from './calls.ts';

export const auditOutcomeLabels: Readonly<Record<AuditOutcome, string>> = { SUCCESS: 'Done', FAILURE: 'Failed', DENIED: 'Refused' };

/** Characters that make a spreadsheet read a cell as a formula (or, for tab and return, hide that). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
 * A text a spreadsheet would run as a formula (a name typed as "=HYPERLINK(…)") starts with an
 * apostrophe, which spreadsheets show as plain text.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/** "2026-12-07 17:45:12" in the clinic's zone: sortable, and read the same in every locale. */
export function clinicDateTime(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** Who acted: the account's name, or the name typed at a sign-in that matched no account. */
export function auditActor(entry: AuditEntry): string {
  if (entry.userName !== null) return entry.userName;
  return entry.attemptedUsername === null ? '' : `unknown name "${entry.attemptedUsername}"`;
}

/** Which record an entry is about, in words: a patient by name, an account by its person's name. */
export function auditSubject(entry: AuditEntry): string {
  if (entry.patient !== null) return `${entry.patient.givenName} ${entry.patient.familyName}`;
  if (entry.subjectName !== null) return entry.subjectName;
  return entry.entityType === null ? '' : entry.entityType.replaceAll('_', ' ');
}

export function describeAuditDetail(detail: AuditEntry['detail']): string {
  if (detail === null) return '';
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}

const header = ['When', 'Who', 'Action', 'Outcome', 'Patient', 'Record number', 'About', 'Workstation', 'Detail', 'Action code'];

/** The audit log as a spreadsheet opens it: a header line, then one line per entry, CRLF-separated. */
export function auditCsv(entries: readonly AuditEntry[], timeZone: string): string {
  const lines = entries.map((entry) =>
    csvLine([
      clinicDateTime(entry.at, timeZone),
      auditActor(entry),
      auditActionLabel(entry.action),
      auditOutcomeLabels[entry.outcome],
      entry.patient === null ? '' : `${entry.patient.givenName} ${entry.patient.familyName}`,
      entry.patient?.mrn ?? '',
      entry.patient === null ? auditSubject(entry) : '',
      entry.deviceName ?? entry.deviceId,
      describeAuditDetail(entry.detail),
      entry.action,
    ]),
  );
  return [csvLine(header), ...lines].join('\r\n') + '\r\n';
}
