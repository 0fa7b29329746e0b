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

export function isSnapshotRows(value: unknown): value is { values: Record<string, SyncValue>; clock: Record<string, string> }[] {
  return Array.isArray(value) && value.every((row) => isRecord(row) && isRowValues(row['values']) && isClock(row['clock']));
}

export function isFeedChanges(value: unknown): value is { table: string; id: string; kind: 'insert' | 'update'; columns: Record<string, SyncValue>; hlc: string; clock: Record<string, string> | null; origin: string }[] {
  return (
    Array.isArray(value) &&
    value.every(
      (change) =>
        isRecord(change) &&
        typeof change['table'] === 'string' &&
        typeof change['id'] === 'string' &&
        (change['kind'] === 'insert' || change['kind'] === 'update') &&
        isRowValues(change['columns']) &&
        isHlc(change['hlc']) &&
        (change['clock'] === null || isClock(change['clock'])) &&
        typeof change['origin'] === 'string',
    )
  );
}
