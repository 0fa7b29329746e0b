// What the sync engine needs to know of a replicated table, declared by the module that owns it
// (shared/modules/<name>/sync-tables.ts) and registered once at start-up: the engine itself names
// no table of any feature. The kind decides how concurrent changes merge (SYNC.md §6); the scope
// decides which clinics' workstations receive a row (§7). The order tables go up and come down in
// is derived from the workstation's foreign keys (electron/sync/upload-order.ts).

export type MergeKind =
  /** Last writer wins per column, by HLC. */
  | { readonly kind: 'register' }
  /** Insert-only: rows never change, so they cannot conflict. */
  | { readonly kind: 'ledger' }
  /** Like a register, but the status column only moves up a fixed precedence; equal ranks fall back to HLC. */
  | { readonly kind: 'stateMachine'; readonly column: string; readonly ranks: Readonly<Record<string, number>> };

/**
 * How the hub finds the clinics a row belongs to. Patients and users are the two kinds of subject
 * a clinic shares by explicit links (a patient's links to clinics, a user's memberships): a row
 * scoped by one follows its subject into every clinic that sees it, and into a newly linked one.
 */
export type ClinicScope =
  /** The row is a clinic. */
  | { readonly by: 'self' }
  /** A column names the clinic. */
  | { readonly by: 'column'; readonly column: string }
  /** The clinics of the patient a column names. */
  | { readonly by: 'patient'; readonly column: string }
  /** The clinics of the user a column names. */
  | { readonly by: 'user'; readonly column: string }
  /** The clinic of a parent row a column names; the parent table is scoped by a clinic column. */
  | { readonly by: 'parent'; readonly table: string; readonly column: string }
  /** The row is a device: the clinics it is enrolled in. */
  | { readonly by: 'device' }
  /** A clinic column when set, else the clinics of the user a column names, else the sending device's clinics. */
  | { readonly by: 'clinicOrUser'; readonly clinicColumn: string; readonly userColumn: string };

export type SyncedTable = MergeKind & { readonly key: string; readonly scope: ClinicScope };

/** A module's replicated tables by SQL name. */
export type SyncTableDeclarations = Readonly<Record<string, SyncedTable>>;

/** A synced table's SQL name; any name the registry holds. */
export type SyncedTableName = string;

export const register = (scope: ClinicScope, key = 'id'): SyncedTable => ({ kind: 'register', key, scope });
export const ledger = (scope: ClinicScope): SyncedTable => ({ kind: 'ledger', key: 'id', scope });
export const stateMachine = (scope: ClinicScope, column: string, ranks: Readonly<Record<string, number>>): SyncedTable => ({ kind: 'stateMachine', key: 'id', scope, column, ranks });

/** The column holding each row's per-column clocks; it never travels as data. */
export const CLOCK_COLUMN = 'sync_clock';

const registered = new Map<SyncedTableName, SyncedTable>();
let names: readonly SyncedTableName[] = [];

function sameDeclaration(a: SyncedTable, b: SyncedTable): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkScope(table: SyncedTableName, scope: ClinicScope): void {
  if (scope.by !== 'parent') return;
  const parent = registered.get(scope.table);
  if (parent === undefined) throw new Error(`synced table ${table} is scoped by ${scope.table}, which is not registered before it`);
  if (parent.scope.by !== 'column') throw new Error(`synced table ${table} is scoped by ${scope.table}, whose own scope is not a clinic column`);
}

/**
 * Adds a module's tables to the registry. Registering the same declarations again changes
 * nothing (each entry point registers the application's modules); a name declared twice
 * differently is a programming error.
 */
export function registerSyncTables(tables: SyncTableDeclarations): void {
  for (const [name, table] of Object.entries(tables)) {
    const held = registered.get(name);
    if (held !== undefined) {
      if (!sameDeclaration(held, table)) throw new Error(`synced table ${name} is declared twice, differently`);
      continue;
    }
    checkScope(name, table.scope);
    registered.set(name, table);
  }
  names = [...registered.keys()];
}

/** Every registered table, in the order they were registered: a fixed order, the same in every process of one version. */
export function syncedTableNames(): readonly SyncedTableName[] {
  return names;
}

export function isSyncedTable(name: string): boolean {
  return registered.has(name);
}

export function syncTable(name: SyncedTableName): SyncedTable {
  const table = registered.get(name);
  if (table === undefined) throw new Error(`no synced table is registered as ${name}`);
  return table;
}

/** The tables whose rows follow a patient or a user into a clinic that starts seeing them, and the column naming it. */
export function followersOf(subject: 'patient' | 'user'): readonly { readonly table: SyncedTableName; readonly column: string }[] {
  const followers: { table: SyncedTableName; column: string }[] = [];
  for (const [name, table] of registered) if (table.scope.by === subject) followers.push({ table: name, column: table.scope.column });
  return followers;
}
