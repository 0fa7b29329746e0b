import type Database from 'better-sqlite3';
import { syncedTableNames, type SyncedTableName } from '#shared/sync/tables.ts';

type Computed = { readonly names: readonly SyncedTableName[]; readonly order: readonly SyncedTableName[] };

const computed = new WeakMap<Database.Database, Computed>();

/**
 * Parents before children, by the workstation's own foreign keys, so the hub and every replica can
 * apply an upload or a first sync in order: a module's new table needs no place in a list. Tables
 * no foreign key orders keep the order they were registered in, so every workstation of one
 * version derives the same order. A table's references to itself (a merged patient) do not order.
 */
export function uploadOrderOf(sqlite: Database.Database): readonly SyncedTableName[] {
  const names = syncedTableNames();
  const held = computed.get(sqlite);
  if (held !== undefined && held.names === names) return held.order;
  const order = orderByForeignKeys(sqlite, names);
  computed.set(sqlite, { names, order });
  return order;
}

function orderByForeignKeys(sqlite: Database.Database, names: readonly SyncedTableName[]): SyncedTableName[] {
  const synced = new Set(names);
  const parents = new Map<SyncedTableName, Set<SyncedTableName>>();
  const referenced = sqlite.prepare(`select "table" from pragma_foreign_key_list(?)`).pluck();
  for (const name of names) {
    const own = new Set((referenced.all(name) as string[]).filter((parent) => parent !== name && synced.has(parent)));
    parents.set(name, own);
  }
  const order: SyncedTableName[] = [];
  const placed = new Set<SyncedTableName>();
  while (order.length < names.length) {
    const next = names.find((name) => !placed.has(name) && [...(parents.get(name) ?? [])].every((parent) => placed.has(parent)));
    if (next === undefined) throw new Error(`the synced tables' foreign keys form a cycle among ${names.filter((name) => !placed.has(name)).join(', ')}`);
    order.push(next);
    placed.add(next);
  }
  return order;
}
