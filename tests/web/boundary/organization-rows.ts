import type Database from 'better-sqlite3';
import { isSyncedTable, syncTable } from '#shared/sync/tables.ts';
import { rowsInClinic } from '#core/sync/clinic-rows.ts';

/**
 * Tables that are the workstation's rather than any organization's, and why a user's call cannot
 * reach another organization through them. A table that is neither synced (scoped by its
 * declaration), nor has a clinic_id column, nor is listed here fails the boundary test until it
 * is placed: a new table is never silently left out of "nothing changed".
 */
export const workstationTables: Readonly<Record<string, string>> = {
  _migrations: 'applied migrations',
  sqlite_sequence: 'SQLite’s own counters',
  local_meta: 'this workstation’s settings and hub link',
  sign_in_throttle: 'failed passwords per account on this workstation: counting them is what the public sign-in is for',
  sync_state: 'the sync engine’s clock and mode',
  sync_outbox: 'changes waiting to go up, copies of synced rows compared on their own tables',
  sync_outbox_txns: 'push numbers of the outbox',
  sync_outbox_acks: 'the hub’s acknowledgements',
  sync_parked: 'pulled rows waiting for their parents',
  sync_rejections: 'the hub’s refusals of this workstation’s pushes',
  sync_conflict_checks: 'rows a pull marked for the conflict detectors',
  patient_search_keys: 'the name index, rebuilt from patients',
  patient_search_pending: 'patients waiting to be indexed',
  patient_name_fts: 'the name index, rebuilt from patients',
  patient_name_fts_config: 'the name index’s own storage',
  patient_name_fts_data: 'the name index’s own storage',
  patient_name_fts_docsize: 'the name index’s own storage',
  patient_name_fts_idx: 'the name index’s own storage',
  patient_name_terms: 'the words of the name index, for typo search',
  document_uploads: 'files this workstation attached, waiting to go up to the hub; only sync reads it',
  token_counters: 'the day’s queue tokens per clinic: a token taken in another clinic shows as its queue entry',
  diagnosis_codes: 'the ICD-10 reference list this workstation searches: no organization’s data',
  diagnosis_code_sets: 'which ICD-10 reference list is loaded on this workstation',
  medicine_interactions: 'the workstation’s interaction knowledge base: reference data of no organization, loaded from a file',
  medicine_search_keys: 'the product name index, rebuilt from products',
  medicine_name_fts: 'the product name index, rebuilt from products',
  medicine_name_fts_config: 'the product name index’s own storage',
  medicine_name_fts_data: 'the product name index’s own storage',
  medicine_name_fts_docsize: 'the product name index’s own storage',
  medicine_name_fts_idx: 'the product name index’s own storage',
};

/** A row of the organization, keyed by table and key, as canonical JSON. */
export type OrganizationRows = ReadonlyMap<string, string>;

/** Tables that no classification covers. */
export function unplacedTables(sqlite: Database.Database): string[] {
  return tableNames(sqlite).filter((table) => !isSyncedTable(table) && !hasClinicColumn(sqlite, table) && workstationTables[table] === undefined);
}

function tableNames(sqlite: Database.Database): string[] {
  return sqlite.prepare(`select name from sqlite_master where type = 'table' order by name`).pluck().all() as string[];
}

function hasClinicColumn(sqlite: Database.Database, table: string): boolean {
  return (sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]).includes('clinic_id');
}

function keyColumnsOf(sqlite: Database.Database, table: string): string[] {
  const columns = sqlite.prepare(`select name, pk from pragma_table_info(?) order by pk`).all(table) as { name: string; pk: number }[];
  const key = columns.filter((column) => column.pk > 0).map((column) => column.name);
  return key.length > 0 ? key : ['rowid'];
}

/**
 * Every row of the organization's clinics: of each synced table the rows its declaration gives
 * those clinics (the same scopes the hub routes by), and of every other table with a clinic
 * column the rows naming one of them. `ignore` leaves out rows a test expects to change.
 */
export function organizationRows(sqlite: Database.Database, clinicIds: readonly string[], ignore: (table: string, row: Record<string, unknown>) => boolean = () => false): OrganizationRows {
  const rows = new Map<string, string>();
  for (const table of tableNames(sqlite)) {
    const condition = isSyncedTable(table) ? rowsInClinic(table) : hasClinicColumn(sqlite, table) ? `"clinic_id" = :clinic` : null;
    if (condition === null) continue;
    const key = isSyncedTable(table) ? [syncTable(table).key] : keyColumnsOf(sqlite, table);
    const select = sqlite.prepare(`select * from "${table}" where ${condition}`);
    for (const clinic of clinicIds) {
      for (const row of select.all({ clinic }) as Record<string, unknown>[]) {
        if (ignore(table, row)) continue;
        rows.set(`${table} ${key.map((column) => String(row[column])).join('/')}`, JSON.stringify(row));
      }
    }
  }
  return rows;
}

/** What differs between two readings: rows added, removed or changed, by table and key. */
export function differences(before: OrganizationRows, after: OrganizationRows): string[] {
  const found: string[] = [];
  for (const [key, row] of after) {
    const earlier = before.get(key);
    if (earlier === undefined) found.push(`added ${key}`);
    else if (earlier !== row) found.push(`changed ${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) found.push(`removed ${key}`);
  return found;
}
