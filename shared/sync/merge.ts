import type { SyncedTable } from './tables.ts';

// The one merge rule, run identically by the hub and every workstation: whatever order changes
// arrive in, each replica ends with the same values (SYNC.md §6).

export type SyncValue = string | number | null;
export type RowValues = Readonly<Record<string, SyncValue>>;
/** Per column, the stamp of the change that set it; '*' is the stamp of the row's creation. */
export type RowClock = Readonly<Record<string, string>>;

export type StoredRow = { readonly values: RowValues; readonly clock: RowClock };
/**
 * A change: its columns, stamped with the change's clock, or each with its own when a whole row
 * travels. An update may reach a replica that has not seen the row's creation yet (after a hub
 * was restored from an older backup); its stamp then covers only the columns it carries.
 */
export type IncomingChange = { readonly columns: RowValues; readonly hlc: string; readonly clock?: RowClock | null; readonly kind?: 'insert' | 'update' };
export type MergeResult = { readonly values: Record<string, SyncValue>; readonly clock: Record<string, string>; readonly changedColumns: readonly string[] };

/** The newest stamp of a row: the one its whole copy travels under. */
export function latestStamp(clock: RowClock): string {
  return Object.values(clock).reduce((max, stamp) => (stamp > max ? stamp : max), '');
}

export function clockOf(clock: RowClock, column: string): string {
  return clock[column] ?? clock['*'] ?? '';
}

function rankOf(table: SyncedTable, column: string, value: SyncValue): number | null {
  if (table.kind !== 'stateMachine' || column !== table.column || typeof value !== 'string') return null;
  return table.ranks[value] ?? null;
}

/** Whether the incoming value of one column beats the stored one. */
export function incomingStamp(incoming: IncomingChange, column: string): string {
  return incoming.clock === undefined || incoming.clock === null ? incoming.hlc : clockOf(incoming.clock, column) || incoming.hlc;
}

function incomingWins(table: SyncedTable, column: string, stored: StoredRow, incoming: IncomingChange): boolean {
  const incomingRank = rankOf(table, column, incoming.columns[column] ?? null);
  const storedRank = rankOf(table, column, stored.values[column] ?? null);
  if (incomingRank !== null && storedRank !== null && incomingRank !== storedRank) return incomingRank > storedRank;
  const storedStamp = clockOf(stored.clock, column);
  const stamp = incomingStamp(incoming, column);
  if (stamp !== storedStamp) return stamp > storedStamp;
  // Equal stamps come from the same change seen twice; a differing value can only come from a
  // reused stamp, and the greater value wins so every replica still picks the same one.
  return JSON.stringify(incoming.columns[column] ?? null) > JSON.stringify(stored.values[column] ?? null);
}

function creationClock(incoming: IncomingChange): Record<string, string> {
  if (incoming.clock !== undefined && incoming.clock !== null) return { ...incoming.clock };
  if (incoming.kind === 'update') return Object.fromEntries(Object.keys(incoming.columns).map((column) => [column, incoming.hlc]));
  return { '*': incoming.hlc };
}

/**
 * Merges a change into a stored row (or creates it). Ledger rows, once stored, never change.
 * Returns the new values and clocks and which columns actually changed.
 */
export function mergeChange(table: SyncedTable, stored: StoredRow | null, incoming: IncomingChange): MergeResult {
  if (stored === null) {
    return { values: { ...incoming.columns }, clock: creationClock(incoming), changedColumns: Object.keys(incoming.columns) };
  }
  const values: Record<string, SyncValue> = { ...stored.values };
  const clock: Record<string, string> = { ...stored.clock };
  if (table.kind === 'ledger') return { values, clock, changedColumns: [] };
  const changedColumns: string[] = [];
  for (const column of Object.keys(incoming.columns)) {
    if (!incomingWins(table, column, stored, incoming)) continue;
    const next = incoming.columns[column] ?? null;
    if (values[column] !== next) changedColumns.push(column);
    values[column] = next;
    clock[column] = incomingStamp(incoming, column);
  }
  return { values, clock, changedColumns };
}
