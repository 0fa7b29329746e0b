import type Database from 'better-sqlite3';
import { statement } from '../db/statements.ts';
import { SYNC_MODE, type SyncMode } from './change-stamps.ts';
import { runAfterApply } from './participants.ts';

/**
 * Runs work with the capture triggers set aside (remote changes are not ours to send back) and
 * foreign keys checked only at commit, since a page may bring a row before the one it refers to.
 * Each module then brings up to date what its triggers noted of the page (runAfterApply), once,
 * at its end, in its transaction: the patients' name index, say.
 *
 * Inside the caller's transaction the work runs in it, not in a savepoint of its own: a savepoint
 * copies every page it first writes aside (about 5 ms of a 1,000-change page), and a failure
 * rolls the caller's transaction back whole anyway. Outside one, it opens its own.
 */
export function withTriggersAside<T>(sqlite: Database.Database, mode: SyncMode, work: () => T): T {
  const aside = (): T => {
    const previous = statement(sqlite, `select mode from sync_state where id = 1`).pluck().get() as number;
    sqlite.pragma('defer_foreign_keys = ON');
    statement(sqlite, `update sync_state set mode = ? where id = 1`).run(mode);
    try {
      const result = work();
      if (mode === SYNC_MODE.applying) runAfterApply(sqlite);
      return result;
    } finally {
      statement(sqlite, `update sync_state set mode = ? where id = 1`).run(previous);
    }
  };
  return sqlite.inTransaction ? aside() : sqlite.transaction(aside)();
}

/**
 * How a page is applied. The fast way trusts that parents come before their children, as they do
 * unless the hub lost rows; the careful way checks each new row's parents and parks the orphans.
 */
export type ApplyMode = { readonly careful: boolean; readonly nowIso: string };

/** A row that a page changed more than once clashed on a unique value: the page is applied again the careful way, change by change. */
export class FoldedRowClash extends Error {
  constructor() {
    super('a row changed more than once in a page clashes on a unique value');
  }
}

function isMissingParent(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Runs one page's transaction the fast way, and when a row's parent turns out to be missing at
 * commit, or a row written once for several changes clashes on a unique value (rolled back whole
 * by then), once more the careful way, so a page never wedges the pull.
 */
export function inPageTransaction(sqlite: Database.Database, nowIso: string, work: (mode: ApplyMode) => void): void {
  try {
    sqlite.transaction(() => work({ careful: false, nowIso }))();
  } catch (error) {
    if (!isMissingParent(error) && !(error instanceof FoldedRowClash)) throw error;
    sqlite.transaction(() => work({ careful: true, nowIso }))();
  }
}
