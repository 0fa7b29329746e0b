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
 * Something clinics share by explicit links: a patient (linked to clinics), a user (given roles in
 * clinics). Declared by the module that owns it; the engine knows subjects only by these words.
 * A row scoped by a subject follows it into every clinic that sees it, and into a newly linked one.
 */
export type SubjectDeclaration = {
  /** How scopes name it: "patient". */
  readonly name: string;
  /** The subject's own table; its key is the subject's id. */
  readonly table: SyncedTableName;
  /** A column of the subject's row naming a clinic that always sees it (where a patient was registered). */
  readonly homeClinicColumn: string | null;
  /** A column of the subject's row naming its organization; without one, its home clinic's organization is its own. */
  readonly organizationColumn: string | null;
  /** The table of links to clinics: a row per subject and clinic, tombstoned to unlink. */
  readonly link: { readonly table: SyncedTableName; readonly subjectColumn: string; readonly clinicColumn: string };
};

/** How the hub finds the clinics a row belongs to. */
export type ClinicScope =
  /** The row is a clinic. */
  | { readonly by: 'self' }
  /** A column names the clinic. */
  | { readonly by: 'column'; readonly column: string }
  /** The clinics of the subject (a patient, a user) a column names. */
  | { readonly by: 'subject'; readonly subject: string; readonly column: string }
  /** The clinic of a parent row a column names; the parent table is scoped by a clinic column. */
  | { readonly by: 'parent'; readonly table: string; readonly column: string }
  /** The row is a device: the clinics it is enrolled in. */
  | { readonly by: 'device' }
  /** The row is an organization, or a column names one (a chain's catalogue): every clinic of it. */
  | { readonly by: 'organization'; readonly organizationColumn?: string }
  /** A clinic column when set, else the clinics of the subject a column names, else the sending device's clinics. */
  | { readonly by: 'clinicOrSubject'; readonly clinicColumn: string; readonly subject: string; readonly subjectColumn: string };

/**
 * Who may write a table's rows through the hub, beyond what every table gets (SYNC.md §7): the
 * device's clinics see the row before and after the change, every clinic that sees it is of the
 * device's organization, and a link's clinic is the device's and its subject of that organization.
 */
export type WriteRule = {
  /** A column naming the row's organization: the device's own, set once and never changed. */
  readonly organizationColumn?: string;
  /** Only the device the row is (its key is the device's id) writes it. */
  readonly ownDeviceOnly?: boolean;
  /** A column naming the device that wrote the row: a workstation that joins a clinic sends the rows it wrote before joining once its first sync is done. */
  readonly authorColumn?: string;
  /** The rows are accounts of their subject (users): who may change one, checked against the links (roles) the hub holds. */
  readonly account?: AccountRule;
};

/**
 * A change to an account names who made it. The account's own user may change only the columns
 * of self-service (a password); anyone else must hold the administrator's link value in every
 * clinic where the account holds a link. Either way, who made it holds a link in a clinic of the
 * device: they were at that workstation.
 */
export type AccountRule = {
  readonly changedByColumn: string;
  readonly selfServiceColumns: readonly string[];
  /** The column of the subject's link that holds the role, and the administrator's value of it. */
  readonly administrator: { readonly column: string; readonly value: string };
};

/**
 * A table whose rows name a content-addressed file (SYNC.md §8): the row travels as data, the
 * bytes apart and lazily. The hub keeps an organization's blobs for the rows of its clinics.
 */
export type BlobColumns = {
  /** SHA-256 of the bytes, lowercase hex. */
  readonly hashColumn: string;
  readonly sizeColumn: string;
  /** The clinic the row was written in: its organization holds the blob. */
  readonly clinicColumn: string;
};

export type SyncedTable = MergeKind & { readonly key: string; readonly scope: ClinicScope; readonly write: WriteRule; readonly blob?: BlobColumns };

/** A module's replicated tables by SQL name. */
export type SyncTableDeclarations = Readonly<Record<string, SyncedTable>>;

/** A synced table's SQL name; any name the registry holds. */
export type SyncedTableName = string;

export const register = (scope: ClinicScope, key = 'id', write: WriteRule = {}): SyncedTable => ({ kind: 'register', key, scope, write });
export const ledger = (scope: ClinicScope, write: WriteRule = {}): SyncedTable => ({ kind: 'ledger', key: 'id', scope, write });
export const stateMachine = (scope: ClinicScope, column: string, ranks: Readonly<Record<string, number>>, write: WriteRule = {}): SyncedTable => ({ kind: 'stateMachine', key: 'id', scope, column, ranks, write });
export const bySubject = (subject: string, column: string): ClinicScope => ({ by: 'subject', subject, column });

/** A table declaration whose rows name a blob. */
export const withBlob = (table: SyncedTable, blob: BlobColumns): SyncedTable => ({ ...table, blob });

/** The registered tables whose rows name blobs. */
export function blobTables(): readonly (readonly [SyncedTableName, BlobColumns])[] {
  return [...registered].flatMap(([name, table]) => (table.blob === undefined ? [] : [[name, table.blob] as const]));
}

/** The column holding each row's per-column clocks; it never travels as data. */
export const CLOCK_COLUMN = 'sync_clock';

const registered = new Map<SyncedTableName, SyncedTable>();
const subjectsByName = new Map<string, SubjectDeclaration>();
let names: readonly SyncedTableName[] = [];

function sameDeclaration(a: SyncedTable, b: SyncedTable): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkScope(table: SyncedTableName, scope: ClinicScope): void {
  if ((scope.by === 'subject' || scope.by === 'clinicOrSubject') && !subjectsByName.has(scope.subject)) throw new Error(`synced table ${table} is scoped by subject ${scope.subject}, which is not registered before it`);
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

/**
 * Adds a module's subjects; like tables, registering the same again changes nothing. A subject is
 * registered before the tables scoped by it.
 */
export function registerSubjects(subjects: readonly SubjectDeclaration[]): void {
  for (const subject of subjects) {
    const held = subjectsByName.get(subject.name);
    if (held !== undefined && JSON.stringify(held) !== JSON.stringify(subject)) throw new Error(`subject ${subject.name} is declared twice, differently`);
    subjectsByName.set(subject.name, subject);
  }
}

export function subjectNamed(name: string): SubjectDeclaration {
  const subject = subjectsByName.get(name);
  if (subject === undefined) throw new Error(`no subject is registered as ${name}`);
  return subject;
}

export function registeredSubjects(): readonly SubjectDeclaration[] {
  return [...subjectsByName.values()];
}

/** The subject whose own table this is, if any. */
export function subjectOwning(table: SyncedTableName): SubjectDeclaration | null {
  for (const subject of subjectsByName.values()) if (subject.table === table) return subject;
  return null;
}

/** The subject whose links this table holds, if any. */
export function subjectLinkedBy(table: SyncedTableName): SubjectDeclaration | null {
  for (const subject of subjectsByName.values()) if (subject.link.table === table) return subject;
  return null;
}

/** The tables whose rows follow a subject into a clinic that starts seeing it, and the column naming it. */
export function followersOf(subject: string): readonly { readonly table: SyncedTableName; readonly column: string }[] {
  const followers: { table: SyncedTableName; column: string }[] = [];
  for (const [name, table] of registered) if (table.scope.by === 'subject' && table.scope.subject === subject) followers.push({ table: name, column: table.scope.column });
  return followers;
}
