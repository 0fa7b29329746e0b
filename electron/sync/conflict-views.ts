import type Database from 'better-sqlite3';
import { isConflictKind, type SyncConflict } from '#shared/api/calls/sync.ts';
import { conflictRowView } from './participants.ts';

type ConflictRow = { id: string; kind: string; row_ids: string; detected_at: string; resolved_at: string | null; resolution: string };

/** The ids of a conflict's rows as recorded; a damaged record shows no rows rather than failing the list. */
function rowIdsOf(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The clinic's conflicts, each row described by the module that owns its kind. A kind this
 * version does not know (recorded by a newer workstation) is left for a workstation that does.
 */
export function listConflicts(sqlite: Database.Database, clinicId: string, includeResolved: boolean): SyncConflict[] {
  const rows = sqlite.prepare(`select id, kind, row_ids, detected_at, resolved_at, resolution from sync_conflicts where clinic_id = ? and deleted_at is null ${includeResolved ? '' : 'and resolved_at is null'} order by detected_at desc limit 200`).all(clinicId) as ConflictRow[];
  return rows.flatMap((row) => {
    const kind = row.kind;
    const describe = conflictRowView(kind);
    if (!isConflictKind(kind) || describe === undefined) return [];
    return [{ id: row.id, kind, detectedAt: row.detected_at, resolvedAt: row.resolved_at, resolution: row.resolution, rows: rowIdsOf(row.row_ids).map((id) => describe(sqlite, id)) }];
  });
}
