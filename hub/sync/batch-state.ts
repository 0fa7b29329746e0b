import type { RowClock, RowValues, StoredRow, SyncValue } from '#shared/sync/merge.ts';
import { CLOCK_COLUMN, subjectLinkedBy, subjectNamed, syncTable, type SyncedTableName } from '#shared/sync/tables.ts';
import type { HubQueries } from '../db/hub-db.ts';

const CHUNK = 5_000;

export function rowKey(table: string, id: string): string {
  return `${table}\u0000${id}`;
}

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

function toStored(row: Record<string, unknown>): StoredRow {
  const { [CLOCK_COLUMN]: clock, ...rest } = row;
  const values: Record<string, SyncValue> = {};
  for (const [column, value] of Object.entries(rest)) {
    values[column] = typeof value === 'string' || value === null ? value : typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : JSON.stringify(value);
  }
  return { values, clock: (clock ?? {}) as RowClock };
}

/** A row's clinics, by table and then id: what finalClinics works out and the writers record. */
export type RowClinics = Map<SyncedTableName, Map<string, Set<string>>>;

function textOf(values: RowValues, column: string): string | null {
  const value = values[column];
  return typeof value === 'string' ? value : null;
}

/** One table's rows a batch changed: their ids and rows, in the same order. */
export type DirtyTable = { readonly table: SyncedTableName; readonly ids: readonly string[]; readonly rows: readonly StoredRow[] };

function presentRows(table: SyncedTableName, ids: ReadonlySet<string>, held: ReadonlyMap<string, StoredRow | null>): DirtyTable {
  const presentIds: string[] = [];
  const rows: StoredRow[] = [];
  for (const id of ids) {
    const row = held.get(id);
    if (row === null || row === undefined) continue;
    presentIds.push(id);
    rows.push(row);
  }
  return { table, ids: presentIds, rows };
}

/** Rows by key, locked when the batch will write them. */
export type RowRead = { readonly table: SyncedTableName; readonly ids: Iterable<string>; readonly lock?: 'forUpdate' };

/** What a batch reads before it applies: rows by key, rows by their owner, and devices' clinics. */
export type BatchRead =
  | RowRead
  /** The links of subjects to clinics (a patient's clinics, a user's roles). */
  | { readonly linksOf: string; readonly values: Iterable<string> }
  | { readonly deviceIds: Iterable<string> }
  /** The organization of the pushing device's clinics, and every clinic of it. */
  | { readonly organizationOfDevice: string };

/** One part of BatchState.read's statement: a query whose rows come as jsonb, and what becomes of them. */
type ReadPart = { readonly sql: string; readonly keep: (rows: Record<string, unknown>[]) => void };

/** The rows of one transaction as they were before it, to roll it back in memory if refused. */
export type RowsBefore = { readonly table: SyncedTableName; readonly id: string; readonly row: StoredRow | null | undefined; readonly wasDirty: boolean }[];

/**
 * The rows a push batch touches and the rows that decide their clinics, loaded once and kept
 * current in memory while the batch applies, then written back in bulk. Rows are held by table,
 * then by id: the ids are the request's own strings, whose hashes are kept, where a joined key
 * would be a new string to hash at every look-up.
 */
export class BatchState {
  readonly #rows = new Map<SyncedTableName, Map<string, StoredRow | null>>();
  readonly #dirty = new Map<SyncedTableName, Set<string>>();
  /** Rows looked for and not found in the database: those the batch writes are new rows. */
  readonly #absent = new Map<SyncedTableName, Set<string>>();
  /** Each subject's links by the subject's id: link rows' ids. */
  readonly #linksBySubject = new Map<string, Map<string, Set<string>>>();
  readonly deviceClinics = new Map<string, readonly string[]>();
  /** Rows whose own columns do not yet say which clinics see them, placed by the device that sent them. */
  readonly attributed = new Map<string, ReadonlySet<string>>();
  /** The pushing device's organization (null when the hub knows none) and its clinics. */
  organization: { readonly id: string | null; readonly clinics: ReadonlySet<string> } = { id: null, clinics: new Set() };

  constructor(private readonly db: HubQueries) {}

  #table(table: SyncedTableName): Map<string, StoredRow | null> {
    let rows = this.#rows.get(table);
    if (rows === undefined) {
      rows = new Map();
      this.#rows.set(table, rows);
    }
    return rows;
  }

  get(table: SyncedTableName, id: string): StoredRow | null {
    return this.#rows.get(table)?.get(id) ?? null;
  }

  /** Whether the row was looked for (found or not), so it need not be read again. */
  has(table: SyncedTableName, id: string): boolean {
    return this.#rows.get(table)?.has(id) === true;
  }

  /** Whether the row was not in the database when the batch read it: written, it is a new row. */
  wasAbsent(table: SyncedTableName, id: string): boolean {
    return this.#absent.get(table)?.has(id) === true;
  }

  set(table: SyncedTableName, id: string, row: StoredRow): void {
    this.#table(table).set(id, row);
    let dirty = this.#dirty.get(table);
    if (dirty === undefined) {
      dirty = new Set();
      this.#dirty.set(table, dirty);
    }
    dirty.add(id);
    this.#index(table, id, row.values);
  }

  /**
   * The rows the batch changed, table by table, as they now stand. Returned as lists, not yielded
   * row by row: the hub's per-row loops stay in small functions that V8 optimises cheaply, where a
   * generator walked row by row made each caller a large function it optimised again and again
   * while it learnt the shapes of the batch's rows (writeRows alone took 0.5-1 s of compiling in a
   * hub's first catch-up push).
   */
  dirtyTables(): DirtyTable[] {
    const tables: DirtyTable[] = [];
    for (const [table, ids] of this.#dirty) tables.push(presentRows(table, ids, this.#table(table)));
    return tables;
  }

  #links(subject: string): Map<string, Set<string>> {
    let links = this.#linksBySubject.get(subject);
    if (links === undefined) {
      links = new Map();
      this.#linksBySubject.set(subject, links);
    }
    return links;
  }

  #index(table: SyncedTableName, id: string, values: RowValues): void {
    const subject = subjectLinkedBy(table);
    if (subject === null) return;
    const owner = values[subject.link.subjectColumn];
    if (typeof owner !== 'string') return;
    const index = this.#links(subject.name);
    const set = index.get(owner) ?? new Set<string>();
    set.add(id);
    index.set(owner, set);
  }

  /**
   * Reads what the batch needs in one statement, a round trip to the database instead of one per
   * table: each of those waited for the hub's thread, busy with the next batch's request, and the
   * reads of a batch of 2,000 changes took 10-12 ms of the time it held its clinic's lock for about
   * 2 ms of the database's work. Rows already held are not read again.
   *
   * The rows the batch will write are read locked (forUpdate): a device of another clinic that
   * sees the same row (a patient linked to both) holds another clinic's lock, and its change read
   * before this batch commits would otherwise be merged onto the old row and undo this one. Locks
   * are taken in key order, table by table in the order of the reads, so two batches never wait on
   * each other in a circle.
   */
  async read(reads: readonly BatchRead[]): Promise<void> {
    const parts: ReadPart[] = [];
    const params: unknown[] = [];
    const param = (values: readonly string[]): string => {
      params.push(values);
      return `$${String(params.length)}::text[]`;
    };
    for (const read of reads) {
      if ('deviceIds' in read) {
        const wanted = [...new Set(read.deviceIds)].filter((id) => !this.deviceClinics.has(id));
        if (wanted.length === 0) continue;
        for (const id of wanted) this.deviceClinics.set(id, []);
        parts.push({
          sql: `select to_jsonb(d) as row from (select device_id::text, clinic_id from hub_device_clinics where device_id::text = any(${param(wanted)})) as d`,
          keep: (rows) => this.#keepDeviceClinics(rows),
        });
      } else if ('linksOf' in read) {
        const { link } = subjectNamed(read.linksOf);
        for (const part of chunks([...new Set(read.values)])) {
          parts.push({ sql: `select to_jsonb(m) as row from ${link.table} m where ${link.subjectColumn} = any(${param(part)})`, keep: (rows) => this.#keepLinks(read.linksOf, part, rows) });
        }
      } else if ('organizationOfDevice' in read) {
        parts.push({
          sql: `select to_jsonb(o) as row from (select c.clinic_id, c.organization_id from hub_clinics c where c.organization_id in (select h.organization_id from hub_clinics h join hub_device_clinics d on d.clinic_id = h.clinic_id where d.device_id::text = any(${param([read.organizationOfDevice])}))) as o`,
          keep: (rows) => this.#keepOrganization(rows),
        });
      } else {
        parts.push(...this.#rowReads(read, param));
      }
    }
    if (parts.length === 0) return;
    const sql = parts.map((part, index) => `select ${String(index)} as part, row from (${part.sql}) as p${String(index)}`).join(' union all ');
    const found = await this.db.query<{ part: number; row: Record<string, unknown> }>(sql, params);
    const byPart = parts.map((): Record<string, unknown>[] => []);
    for (const { part, row } of found) byPart[part]?.push(row);
    parts.forEach((part, index) => part.keep(byPart[index] ?? []));
  }

  /** The reads of rows by key, as parts of read()'s statement; the rows are held as absent until found. */
  #rowReads(read: RowRead, param: (values: readonly string[]) => string): ReadPart[] {
    const { table } = read;
    const wanted = [...new Set(read.ids)].filter((id) => !this.has(table, id));
    const key = syncTable(table).key;
    const rows = this.#table(table);
    if (read.lock === 'forUpdate') wanted.sort();
    const locking = read.lock === 'forUpdate' ? ` order by ${key} for update` : '';
    const absent = this.#absent.get(table) ?? new Set<string>();
    this.#absent.set(table, absent);
    return chunks(wanted).map((part) => {
      for (const id of part) {
        rows.set(id, null);
        absent.add(id);
      }
      return { sql: `select to_jsonb(m) as row from ${table} m where ${key} = any(${param(part)})${locking}`, keep: (found) => this.#keepFound(table, key, found, absent) };
    });
  }

  #keepFound(table: SyncedTableName, key: string, found: readonly Record<string, unknown>[], absent: Set<string>): void {
    const rows = this.#table(table);
    for (const row of found) {
      const stored = toStored(row);
      const id = String(stored.values[key]);
      rows.set(id, stored);
      absent.delete(id);
      this.#index(table, id, stored.values);
    }
  }

  /** Every link of the subjects read, held and indexed; a subject with none is known to have none. */
  #keepLinks(subjectName: string, owners: readonly string[], found: readonly Record<string, unknown>[]): void {
    const subject = subjectNamed(subjectName);
    const table = subject.link.table;
    const key = syncTable(table).key;
    const rows = this.#table(table);
    for (const row of found) {
      const stored = toStored(row);
      const id = String(stored.values[key]);
      if (!rows.has(id)) {
        rows.set(id, stored);
        this.#index(table, id, stored.values);
      }
    }
    const index = this.#links(subject.name);
    for (const owner of owners) if (!index.has(owner)) index.set(owner, new Set());
  }

  #keepOrganization(found: readonly Record<string, unknown>[]): void {
    const [first] = found;
    this.organization = { id: first === undefined ? null : String(first['organization_id']), clinics: new Set(found.map((row) => String(row['clinic_id']))) };
  }

  #keepDeviceClinics(found: readonly Record<string, unknown>[]): void {
    for (const row of found) {
      const deviceId = String(row['device_id']);
      this.deviceClinics.set(deviceId, [...(this.deviceClinics.get(deviceId) ?? []), String(row['clinic_id'])]);
    }
  }

  /** A subject's live links to clinics (a user's roles), as the batch holds them. */
  liveLinksOf(subjectName: string, subjectId: string): RowValues[] {
    const { table, subjectColumn, clinicColumn } = subjectNamed(subjectName).link;
    const links: RowValues[] = [];
    for (const linkId of this.#linksBySubject.get(subjectName)?.get(subjectId) ?? []) {
      const link = this.get(table, linkId);
      // A link this batch moved to another subject is still listed under the one it left.
      if (link !== null && link.values[subjectColumn] === subjectId && link.values['deleted_at'] === null && typeof link.values[clinicColumn] === 'string') links.push(link.values);
    }
    return links;
  }

  /** The clinics that see a subject: its home clinic and its live links. */
  clinicsOfSubject(subjectName: string, subjectId: string): Set<string> {
    const subject = subjectNamed(subjectName);
    const clinics = new Set<string>();
    if (subject.homeClinicColumn !== null) {
      const home = this.get(subject.table, subjectId)?.values[subject.homeClinicColumn];
      if (typeof home === 'string') clinics.add(home);
    }
    for (const link of this.liveLinksOf(subjectName, subjectId)) clinics.add(link[subject.link.clinicColumn] as string);
    return clinics;
  }

  /** The clinics that see a row in its present state (SYNC.md §7). */
  clinicsOf(table: SyncedTableName, values: RowValues, originDevice: string): Set<string> {
    const scope = syncTable(table).scope;
    switch (scope.by) {
      case 'self': {
        const id = textOf(values, 'id');
        return new Set(id === null ? [] : [id]);
      }
      case 'column': {
        const clinic = textOf(values, scope.column);
        return new Set(clinic === null ? [] : [clinic]);
      }
      case 'subject': {
        const subjectId = textOf(values, scope.column);
        return subjectId === null ? new Set() : this.clinicsOfSubject(scope.subject, subjectId);
      }
      case 'organization':
        return textOf(values, scope.organizationColumn ?? 'id') === this.organization.id ? new Set(this.organization.clinics) : new Set();
      case 'parent': {
        const parentId = textOf(values, scope.column);
        const parent = syncTable(scope.table);
        const clinic = parentId === null || parent.scope.by !== 'column' ? undefined : this.get(scope.table, parentId)?.values[parent.scope.column];
        return new Set(typeof clinic === 'string' ? [clinic] : []);
      }
      case 'device':
        return new Set(this.deviceClinics.get(textOf(values, 'id') ?? '') ?? this.deviceClinics.get(originDevice) ?? []);
      case 'clinicOrSubject': {
        const clinic = textOf(values, scope.clinicColumn);
        if (clinic !== null) return new Set([clinic]);
        const subjectId = textOf(values, scope.subjectColumn);
        const ofSubject = subjectId === null ? new Set<string>() : this.clinicsOfSubject(scope.subject, subjectId);
        return ofSubject.size > 0 ? ofSubject : new Set(this.deviceClinics.get(originDevice) ?? []);
      }
    }
  }

  /** The rows a transaction touches as they stand before it, to roll it back in memory. */
  before(rows: readonly { readonly table: SyncedTableName; readonly id: string }[]): RowsBefore {
    return rows.map(({ table, id }) => ({ table, id, row: this.#rows.get(table)?.get(id), wasDirty: this.#dirty.get(table)?.has(id) === true }));
  }

  /** Puts rows back as before() found them; latest first, so a row touched twice ends as it first was. */
  restore(before: RowsBefore): void {
    for (let index = before.length - 1; index >= 0; index -= 1) {
      const entry = before[index];
      if (entry === undefined) continue;
      const rows = this.#table(entry.table);
      if (entry.row === undefined) rows.delete(entry.id);
      else rows.set(entry.id, entry.row);
      if (!entry.wasDirty) this.#dirty.get(entry.table)?.delete(entry.id);
    }
  }
}
