import { isStorableText, spellOutUnstorable, unstorableTextPath } from '#shared/domain/storable-text.ts';
import type { ChangeOp, PushTx } from '#shared/sync/protocol.ts';

// Pushed text the hub's PostgreSQL cannot store (storable-text.ts says which and why). The
// workstation's calls refuse it since they check every input; a change holding it comes from an
// older version of the app, or was written by hand. PostgreSQL would fail the whole batch on it,
// and the device would send it again for ever, so it is refused like any invalid change: its
// transaction alone, with a rejection the workstation shows.

/** Why a change cannot be stored, or null when all its text can be: its table, row id, column names and values. */
export function unstorableTextIn(op: ChangeOp): string | null {
  const path = unstorableTextPath(op);
  if (path === null) return null;
  const table = spellOutUnstorable(op.table);
  const [part, column] = path;
  const where = part === 'columns' && typeof column === 'string' ? `${table}.${column}` : `the ${String(part)} of a ${table} row`;
  return `The change to ${where} holds a character the hub cannot store (U+0000, or half of a UTF-16 surrogate pair); correct the text on the workstation and save it again.`;
}

function spelledOut(value: unknown): unknown {
  if (typeof value === 'string') return isStorableText(value) ? value : spellOutUnstorable(value);
  if (Array.isArray(value)) return value.map(spelledOut);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [spellOutUnstorable(key), spelledOut(item)]));
  return value;
}

/**
 * A refused transaction as JSON that jsonb accepts: whole, with each character it could not
 * store spelt out (\u0000 as those six characters), so the record of what was refused can itself
 * be kept.
 */
export function storableTxJson(tx: PushTx): string {
  return JSON.stringify(spelledOut(tx));
}
