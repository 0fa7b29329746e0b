import { AUDIT_PAGE_MAX, type AuditEntry } from '#shared/modules/audit/calls.ts';
import { auditCsv } from '#shared/modules/audit/audit-csv.ts';
import { api } from '../../api/api.ts';
import type { AuditQuery } from './audit-query.ts';

/** An export holds at most this many entries; a longer period is exported in parts. */
export const AUDIT_EXPORT_MAX = 20_000;

/** Every entry the filters select, newest first, page by page, up to the export's limit. */
async function allEntries(query: AuditQuery): Promise<{ entries: AuditEntry[]; complete: boolean }> {
  const entries: AuditEntry[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await api.call('audit.list', { ...query, limit: AUDIT_PAGE_MAX, ...(before === undefined ? {} : { before }) });
    entries.push(...page.entries);
    if (page.nextCursor === null) return { entries, complete: true };
    if (entries.length >= AUDIT_EXPORT_MAX) return { entries, complete: false };
    before = page.nextCursor;
  }
}

/**
 * Saves the selected entries as a CSV file. The byte-order mark lets spreadsheets read the names'
 * accents as UTF-8. Says how many entries went out and whether the limit cut the export short.
 */
export async function downloadAuditCsv(query: AuditQuery, file: { clinicCode: string; timeZone: string; today: string }): Promise<{ count: number; complete: boolean }> {
  const { entries, complete } = await allEntries(query);
  const blob = new Blob(['\uFEFF', auditCsv(entries, file.timeZone)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `audit-log-${file.clinicCode}-${file.today}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
  return { count: entries.length, complete };
}
