import type { RowClock, RowValues, StoredRow, SyncValue } from '#shared/sync/merge.ts';
import { CLOCK_COLUMN, syncedTables, type SyncedTableName } from '#shared/sync/tables.ts';
import type { HubQueries } from '../db/hub-db.ts';

const CHUNK = 5_000;

export function rowKey(table: string, id: string): string {
  return `${table}\u0000${id}`;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += CHUNK) out.push(items.slice(index, index + CHUNK));
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

/**
 * The rows a push batch touches and the rows that decide their clinics, loaded once and kept
 * current in memory while the batch applies, then written back in bulk.
 */
export class BatchState {
  readonly rows = new Map<string, StoredRow | null>();
  readonly dirty = new Set<string>();
  readonly #linksByPatient = new Map<string, Set<string>>();
  readonly #membershipsByUser = new Map<string, Set<string>>();
  readonly deviceClinics = new Map<string, readonly string[]>();
  /** Rows whose own columns do not yet say which clinics see them, placed by the device that sent them. */
  readonly attributed = new Map<string, ReadonlySet<string>>();

  constructor(private readonly db: HubQueries) {}

  get(table: SyncedTableName, id: string): StoredRow | null {
    return this.rows.get(rowKey(table, id)) ?? null;
  }

  set(table: SyncedTableName, id: string, row: StoredRow): void {
    const key = rowKey(table, id);
    this.rows.set(key, row);
    this.dirty.add(key);
    this.#index(table, id, row.values);
  }

  #index(table: SyncedTableName, id: string, values: RowValues): void {
    const owner = table === 'patient_clinics' ? values['patient_id'] : table === 'memberships' ? values['user_id'] : null;
    if (typeof owner !== 'string') return;
    const index = table === 'patient_clinics' ? this.#linksByPatient : this.#membershipsByUser;
    const set = index.get(owner) ?? new Set<string>();
    set.add(id);
    index.set(owner, set);
  }

  /**
   * Loads rows by key; rows already held are not read again. The rows the batch will write are
   * read locked (forUpdate): a device of another clinic that sees the same row (a patient linked
   * to both) holds another clinic's lock, and its change read before this batch commits would
   * otherwise be merged onto the old row and undo this one. Locks are taken in key order, table by
   * table in the caller's order, so two batches never wait on each other in a circle.
   */
  async load(table: SyncedTableName, ids: Iterable<string>, lock: 'forUpdate' | 'none' = 'none'): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.rows.has(rowKey(table, id)));
    const key = syncedTables[table].key;
    if (lock === 'forUpdate') wanted.sort();
    const locking = lock === 'forUpdate' ? ` order by ${key} for update` : '';
    for (const part of chunks(wanted)) {
      for (const id of part) this.rows.set(rowKey(table, id), null);
      const found = await this.db.query(`select * from ${table} where ${key} = any($1::text[])${locking}`, [part]);
      for (const row of found) {
        const stored = toStored(row);
        const id = String(stored.values[key]);
        this.rows.set(rowKey(table, id), stored);
        this.#index(table, id, stored.values);
      }
    }
  }

  /** Loads every row of a table whose column holds one of the values (the links of patients, the roles of users). */
  async loadBy(table: 'patient_clinics' | 'memberships', column: string, values: Iterable<string>): Promise<void> {
    const wanted = [...new Set(values)];
    for (const part of chunks(wanted)) {
      const found = await this.db.query(`select * from ${table} where ${column} = any($1::text[])`, [part]);
      for (const row of found) {
        const stored = toStored(row);
        const id = String(stored.values['id']);
        if (!this.rows.has(rowKey(table, id))) {
          this.rows.set(rowKey(table, id), stored);
          this.#index(table, id, stored.values);
        }
      }
      for (const owner of part) {
        const index = table === 'patient_clinics' ? this.#linksByPatient : this.#membershipsByUser;
        if (!index.has(owner)) index.set(owner, new Set());
      }
    }
  }

  async loadDeviceClinics(deviceIds: Iterable<string>): Promise<void> {
    const wanted = [...new Set(deviceIds)].filter((id) => !this.deviceClinics.has(id));
    if (wanted.length === 0) return;
    const rows = await this.db.query<{ device_id: string; clinic_id: string }>(`select device_id::text, clinic_id from hub_device_clinics where device_id::text = any($1::text[])`, [wanted]);
    for (const id of wanted) this.deviceClinics.set(id, rows.filter((row) => row.device_id === id).map((row) => row.clinic_id));
  }

  clinicsOfPatient(patientId: string): Set<string> {
    const clinics = new Set<string>();
    const registered = this.get('patients', patientId)?.values['registered_clinic_id'];
    if (typeof registered === 'string') clinics.add(registered);
    for (const linkId of this.#linksByPatient.get(patientId) ?? []) {
      const link = this.get('patient_clinics', linkId);
      if (link !== null && link.values['deleted_at'] === null && typeof link.values['clinic_id'] === 'string') clinics.add(link.values['clinic_id']);
    }
    return clinics;
  }

  clinicsOfUser(userId: string): Set<string> {
    const clinics = new Set<string>();
    for (const membershipId of this.#membershipsByUser.get(userId) ?? []) {
      const membership = this.get('memberships', membershipId);
      if (membership !== null && membership.values['deleted_at'] === null && typeof membership.values['clinic_id'] === 'string') clinics.add(membership.values['clinic_id']);
    }
    return clinics;
  }

  /** The clinics that see a row in its present state (SYNC.md §7). */
  clinicsOf(table: SyncedTableName, values: RowValues, originDevice: string): Set<string> {
    const scope = syncedTables[table].scope;
    const text = (column: string): string | null => {
      const value = values[column];
      return typeof value === 'string' ? value : null;
    };
    switch (scope.by) {
      case 'self':
        return new Set(text('id') === null ? [] : [text('id') ?? '']);
      case 'column':
        return new Set(text(scope.column) === null ? [] : [text(scope.column) ?? '']);
      case 'patient': {
        const patientId = text(scope.column);
        return patientId === null ? new Set() : this.clinicsOfPatient(patientId);
      }
      case 'user': {
        const userId = text(scope.column);
        return userId === null ? new Set() : this.clinicsOfUser(userId);
      }
      case 'appointment': {
        const appointmentId = text(scope.column);
        const clinic = appointmentId === null ? undefined : this.get('appointments', appointmentId)?.values['clinic_id'];
        return new Set(typeof clinic === 'string' ? [clinic] : []);
      }
      case 'device':
        return new Set(this.deviceClinics.get(text('id') ?? '') ?? this.deviceClinics.get(originDevice) ?? []);
      case 'audit': {
        const clinic = text('clinic_id');
        if (clinic !== null) return new Set([clinic]);
        const user = text('user_id');
        const ofUser = user === null ? new Set<string>() : this.clinicsOfUser(user);
        return ofUser.size > 0 ? ofUser : new Set(this.deviceClinics.get(originDevice) ?? []);
      }
    }
  }

  /** A copy of some rows' states, to roll a rejected transaction back in memory. */
  snapshot(keys: Iterable<string>): Map<string, StoredRow | null> {
    const copy = new Map<string, StoredRow | null>();
    for (const key of keys) copy.set(key, this.rows.get(key) ?? null);
    return copy;
  }

  restore(copy: ReadonlyMap<string, StoredRow | null>, wasDirty: ReadonlySet<string>): void {
    for (const [key, row] of copy) {
      this.rows.set(key, row);
      if (!wasDirty.has(key)) this.dirty.delete(key);
    }
  }
}
