import type Database from 'better-sqlite3';
import type { Db } from '../db/database.ts';
import { isoAt, type Clock } from '../platform/clock.ts';
import type { AppliedRow } from './apply.ts';
import type { ChangeStamper } from './change-stamps.ts';
import { compareWithHub } from './mend.ts';
import { countPending, numberPendingTransactions } from './outbox.ts';
import { writeSetting, type SyncSettings } from './settings.ts';
import type { HubTransport } from './transport.ts';

/** How often a workstation compares its data with the hub's when nothing else asks it to. */
export const COMPARE_EVERY_MS = 10 * 60_000;

export type ComparisonDeps = {
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly stamper: ChangeStamper;
  readonly clock: Clock;
  readonly compareEveryMs: number;
  /** Sends what waits to go up: what the hub lacks goes up at once. */
  readonly pushWaiting: (settings: SyncSettings, transport: HubTransport) => Promise<void>;
  /** The rows the comparison read again from the hub and wrote here. */
  readonly onApplied: (applied: readonly AppliedRow[]) => void;
};

/** When this workstation compares its data with the hub's (SYNC.md §10), and the comparison. */
export class ComparisonTimer {
  /** Set when the hub went back in time, or when asked: compare with it once everything has gone up again. */
  #compareSoon = false;
  #nextCompareAt: number;

  constructor(private readonly deps: ComparisonDeps) {
    this.#nextCompareAt = deps.clock.now() + deps.compareEveryMs;
  }

  /** Compares at the next sync with nothing waiting to go up, whatever the timer says. */
  compareSoon(): void {
    this.#compareSoon = true;
  }

  /**
   * A comparison is due on a timer (counted from start-up, so opening the app costs nothing) or
   * after a restored hub, and only with nothing waiting to go up, which would differ anyway.
   */
  due(): boolean {
    if (!this.#compareSoon && this.deps.clock.now() < this.#nextCompareAt) return false;
    return countPending(this.deps.sqlite).changes === 0;
  }

  /**
   * Compares this workstation's data with the hub's (SYNC.md §10) and sets right what differs:
   * rows read again from the hub are merged here, and what the hub lacks goes up at once.
   */
  async compare(settings: SyncSettings, transport: HubTransport): Promise<void> {
    const { sqlite, db } = this.deps;
    const { comparison, mended } = await compareWithHub(sqlite, this.deps.stamper, transport, settings, isoAt(this.deps.clock.now()));
    this.#compareSoon = false;
    this.#nextCompareAt = this.deps.clock.now() + this.deps.compareEveryMs;
    writeSetting(db, 'last_check', JSON.stringify({ at: isoAt(this.deps.clock.now()), equal: comparison.equal, rowsMended: comparison.rowsMended, rowsResent: comparison.rowsResent }));
    this.deps.onApplied(mended);
    if (comparison.rowsResent > 0) {
      numberPendingTransactions(sqlite);
      await this.deps.pushWaiting(settings, transport);
    }
  }
}
