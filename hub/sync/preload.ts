import type { PushTx } from '#shared/sync/protocol.ts';
import { isSyncedTable, registeredSubjects, subjectLinkedBy, subjectNamed, subjectOwning, syncedTableNames, syncTable, type SyncedTableName } from '#shared/sync/tables.ts';
import type { HubQueries } from '../db/hub-db.ts';
import type { BatchState } from './batch-state.ts';
import type { Device } from './devices.ts';

// What a push batch reads before it applies: the rows it touches, locked, and the rows that decide
// which clinics see them.

type OwnerColumn = { readonly owner: string; readonly column: string };

/** Where a row's owner is named: the subject (a patient, a user) whose links decide its clinics. */
function ownerColumnOf(table: SyncedTableName): OwnerColumn | null {
  const scope = syncTable(table).scope;
  if (scope.by === 'subject') return { owner: scope.subject, column: scope.column };
  // A link decides which clinics see its subject's rows, whatever its own scope.
  const linked = subjectLinkedBy(table);
  if (linked !== null) return { owner: linked.name, column: linked.link.subjectColumn };
  return null;
}

/** Ids by subject name. */
type SubjectIds = Map<string, Set<string>>;

function addId(ids: SubjectIds, subject: string, id: string): void {
  let set = ids.get(subject);
  if (set === undefined) {
    set = new Set();
    ids.set(subject, set);
  }
  set.add(id);
}

/**
 * The patients and users whose links and roles decide where the batch's rows go. They are locked
 * with the batch's own rows: a device of another clinic linking the same patient (or giving the
 * same user a role) at the same moment locks them too, so one of the two batches reads what the
 * other committed. Otherwise each would route by what it read before the other committed, and the
 * other clinic would miss a change until the next comparison. A change that does not name its
 * owner (an allergy's new reaction) finds it in the stored row, read here without a lock.
 */
async function ownersOf(db: HubQueries, txs: readonly PushTx[]): Promise<SubjectIds> {
  const owners: SubjectIds = new Map();
  const unnamed = new Map<SyncedTableName, { readonly named: OwnerColumn; readonly ids: Set<string> }>();
  for (const tx of txs) {
    for (const op of tx.ops) {
      if (!isSyncedTable(op.table)) continue;
      const named = ownerColumnOf(op.table);
      if (named === null) continue;
      const owner = named.column === syncTable(op.table).key ? op.id : op.columns[named.column];
      if (typeof owner === 'string') {
        addId(owners, named.owner, owner);
        continue;
      }
      const found = unnamed.get(op.table) ?? { named, ids: new Set<string>() };
      found.ids.add(op.id);
      unnamed.set(op.table, found);
    }
  }
  await Promise.all(
    [...unnamed].map(async ([table, { named, ids }]) => {
      const rows = await db.query<{ owner: unknown }>(`select ${named.column} as owner from ${table} where ${syncTable(table).key} = any($1::text[])`, [[...ids]]);
      for (const row of rows) if (typeof row.owner === 'string') addId(owners, named.owner, row.owner);
    }),
  );
  return owners;
}

/** Loads everything the batch needs: touched rows and their owners, locked, then the rows that decide their clinics. */
export async function preload(db: HubQueries, state: BatchState, txs: readonly PushTx[], device: Device): Promise<void> {
  const byTable = idsByTable(txs);
  const owners = await ownersOf(db, txs);
  for (const [subject, ids] of owners) {
    const { table } = subjectNamed(subject);
    for (const id of ids) byTable.set(table, (byTable.get(table) ?? new Set()).add(id));
  }
  // Read in one fixed order of tables, so row locks follow it too.
  await state.read(syncedTableNames().filter((table) => byTable.has(table)).map((table) => ({ table, ids: byTable.get(table) ?? [], lock: 'forUpdate' })));
  const deciding = decidingRows(state, txs, device);
  await state.read([
    ...[...deciding.subjects].flatMap(([subject, ids]) => [
      { table: subjectNamed(subject).table, ids },
      { linksOf: subject, values: ids },
    ]),
    ...[...deciding.parents].map(([table, ids]) => ({ table, ids })),
    { deviceIds: deciding.devices },
    { organizationOfDevice: device.id },
  ]);
}

/** The rows the batch's changes name, by table. */
function idsByTable(txs: readonly PushTx[]): Map<SyncedTableName, Set<string>> {
  const byTable = new Map<SyncedTableName, Set<string>>();
  for (const tx of txs) {
    for (const op of tx.ops) {
      if (!isSyncedTable(op.table)) continue;
      let ids = byTable.get(op.table);
      if (ids === undefined) {
        ids = new Set();
        byTable.set(op.table, ids);
      }
      ids.add(op.id);
    }
  }
  return byTable;
}

type DecidingRows = { readonly subjects: SubjectIds; readonly parents: Map<SyncedTableName, Set<string>>; readonly devices: Set<string> };

/** The rows that decide which clinics see the batch's rows, as the changes and the stored rows name them. */
function decidingRows(state: BatchState, txs: readonly PushTx[], device: Device): DecidingRows {
  // Every subject is listed, so a subject's table is read even when no change names one of it.
  const deciding: DecidingRows = { subjects: new Map(registeredSubjects().map((subject) => [subject.name, new Set<string>()])), parents: new Map(), devices: new Set([device.id]) };
  for (const tx of txs) {
    for (const op of tx.ops) {
      if (!isSyncedTable(op.table)) continue;
      noteDecidingRows(deciding, op.table, op.columns);
      const existing = state.get(op.table, op.id);
      if (existing !== null) noteDecidingRows(deciding, op.table, existing.values);
    }
  }
  return deciding;
}

function noteDecidingRows(deciding: DecidingRows, table: SyncedTableName, values: Readonly<Record<string, unknown>>): void {
  const scope = syncTable(table).scope;
  // Who changed an account: their roles decide whether they could.
  const { account } = syncTable(table).write;
  const owned = account === undefined ? null : subjectOwning(table);
  const actor = account === undefined ? undefined : values[account.changedByColumn];
  if (owned !== null && typeof actor === 'string') addId(deciding.subjects, owned.name, actor);
  const linked = subjectLinkedBy(table);
  const linkedId = linked === null ? undefined : values[linked.link.subjectColumn];
  if (linked !== null && typeof linkedId === 'string') addId(deciding.subjects, linked.name, linkedId);
  if (scope.by === 'clinicOrSubject') {
    const subjectId = values[scope.subjectColumn];
    if (typeof subjectId === 'string') addId(deciding.subjects, scope.subject, subjectId);
    return;
  }
  const value = 'column' in scope ? values[scope.column] : scope.by === 'device' ? values['id'] : undefined;
  if (typeof value !== 'string') return;
  if (scope.by === 'subject') addId(deciding.subjects, scope.subject, value);
  if (scope.by === 'parent') deciding.parents.set(scope.table, (deciding.parents.get(scope.table) ?? new Set()).add(value));
  if (scope.by === 'device') deciding.devices.add(value);
}
