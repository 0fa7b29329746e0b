import type { SyncValue } from './merge.ts';

// The pages a workstation reads from its hub hold thousands of rows; these checks say what the
// protocol's zod schemas say about them, value by value, without zod's cost per value.

const MAX_TEXT = 100_000;
const HLC = /^[0-9a-z]{9}\.[0-9a-z]{4}\.[0-9a-z]{1,16}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isSyncValue(value: unknown): value is SyncValue {
  return value === null || (typeof value === 'string' ? value.length <= MAX_TEXT : typeof value === 'number' && Number.isFinite(value));
}

export function isRowValues(value: unknown): value is Record<string, SyncValue> {
  if (!isRecord(value)) return false;
  for (const key in value) if (!isSyncValue(value[key])) return false;
  return true;
}

export function isClock(value: unknown): value is Record<string, string> {
  if (!isRecord(value)) return false;
  for (const key in value) if (typeof value[key] !== 'string') return false;
  return true;
}

export function isHlc(value: unknown): value is string {
  return typeof value === 'string' && HLC.test(value);
}

const MAX_PAGE_COLUMNS = 200;

function isColumnName(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 64;
}

/** A first sync's page: its columns named once, each row's values in that order, each row's clock. */
export function isSnapshotPage(value: unknown): value is { columns: string[]; rows: SyncValue[][]; clocks: Record<string, string>[]; next: string | null } {
  if (!isRecord(value)) return false;
  const { columns, rows, clocks, next } = value;
  if (!Array.isArray(columns) || columns.length > MAX_PAGE_COLUMNS || !columns.every(isColumnName) || new Set(columns).size !== columns.length) return false;
  if (!Array.isArray(rows) || !Array.isArray(clocks) || rows.length !== clocks.length || !(next === null || typeof next === 'string')) return false;
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== columns.length) return false;
    for (const cell of row) if (!isSyncValue(cell)) return false;
  }
  return clocks.every(isClock);
}

/** A change as the hub's feed stores it: a feed change without its origin, which its entry holds. */
export function isStoredChange(change: unknown): change is { table: string; id: string; kind: 'insert' | 'update'; columns: Record<string, SyncValue>; hlc: string; clock: Record<string, string> | null } {
  return (
    isRecord(change) &&
    typeof change['table'] === 'string' &&
    typeof change['id'] === 'string' &&
    (change['kind'] === 'insert' || change['kind'] === 'update') &&
    isRowValues(change['columns']) &&
    isHlc(change['hlc']) &&
    (change['clock'] === null || isClock(change['clock']))
  );
}

export function isFeedChanges(value: unknown): value is { table: string; id: string; kind: 'insert' | 'update'; columns: Record<string, SyncValue>; hlc: string; clock: Record<string, string> | null; origin: string }[] {
  return Array.isArray(value) && value.every((change) => isStoredChange(change) && 'origin' in change && typeof change.origin === 'string');
}

export type BulkProblem = { readonly path: readonly (string | number)[]; readonly message: string };

const MAX_TXS = 5_000;
const MAX_OPS = 5_000;
const TX_KEYS = new Set(['seq', 'hlc', 'ops']);
const OP_KEYS = new Set(['table', 'id', 'kind', 'columns']);

function textProblem(value: unknown, min: number, max: number): string | null {
  if (typeof value !== 'string') return 'expected text';
  return value.length < min || value.length > max ? `expected text of ${String(min)} to ${String(max)} characters` : null;
}

function unknownKey(value: Record<string, unknown>, allowed: ReadonlySet<string>): string | undefined {
  for (const key in value) if (!allowed.has(key)) return key;
  return undefined;
}

function opProblem(op: unknown): BulkProblem | null {
  if (!isRecord(op)) return { path: [], message: 'expected a change' };
  const extra = unknownKey(op, OP_KEYS);
  if (extra !== undefined) return { path: [], message: `unknown key "${extra}"` };
  const table = textProblem(op['table'], 1, 64);
  if (table !== null) return { path: ['table'], message: table };
  const id = textProblem(op['id'], 1, 80);
  if (id !== null) return { path: ['id'], message: id };
  if (op['kind'] !== 'insert' && op['kind'] !== 'update') return { path: ['kind'], message: 'expected "insert" or "update"' };
  const columns = op['columns'];
  if (!isRecord(columns)) return { path: ['columns'], message: 'expected the columns of a row' };
  for (const column in columns) {
    if (column.length < 1 || column.length > 64) return { path: ['columns', column], message: 'a column name has 1 to 64 characters' };
    if (!isSyncValue(columns[column])) return { path: ['columns', column], message: `expected text of at most ${String(MAX_TEXT)} characters, a number or null` };
  }
  return null;
}

function txProblem(tx: unknown): BulkProblem | null {
  if (!isRecord(tx)) return { path: [], message: 'expected a transaction' };
  const extra = unknownKey(tx, TX_KEYS);
  if (extra !== undefined) return { path: [], message: `unknown key "${extra}"` };
  const seq = tx['seq'];
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return { path: ['seq'], message: 'expected a whole number of at least 1' };
  if (!isHlc(tx['hlc'])) return { path: ['hlc'], message: 'not a clock stamp' };
  const ops = tx['ops'];
  if (!Array.isArray(ops) || ops.length < 1 || ops.length > MAX_OPS) return { path: ['ops'], message: `expected 1 to ${String(MAX_OPS)} changes` };
  for (let index = 0; index < ops.length; index += 1) {
    const problem = opProblem(ops[index]);
    if (problem !== null) return { path: ['ops', index, ...problem.path], message: problem.message };
  }
  return null;
}

/**
 * What is wrong with a push's transactions, by the rules of pushTxSchema (protocol.ts), or null.
 * A catch-up push carries thousands of changes; the hub checks them without zod's cost per value.
 */
export function pushTxsProblem(value: unknown): BulkProblem | null {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_TXS) return { path: [], message: `expected 1 to ${String(MAX_TXS)} transactions` };
  for (let index = 0; index < value.length; index += 1) {
    const problem = txProblem(value[index]);
    if (problem !== null) return { path: [index, ...problem.path], message: problem.message };
  }
  return null;
}
