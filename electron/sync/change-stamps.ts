import { sql } from 'drizzle-orm';
import { HybridClock, nodeTagOf } from '#shared/sync/hlc.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';

/**
 * What the triggers do: standalone keeps column clocks, connected also queues changes, applying
 * (remote changes) does neither, bulk (a first sync) also leaves the name index to a rebuild.
 */
export type SyncMode = 0 | 1 | 2 | 3;
export const SYNC_MODE = { standalone: 0, connected: 1, applying: 2, bulk: 3 } as const;

/**
 * Stamps each local write transaction: a new transaction number and clock stamp in sync_state,
 * which the capture triggers copy into the outbox and the column clocks. The wall clock is
 * corrected by the hub's, once known, so a workstation whose clock is wrong stamps sensibly.
 */
export class ChangeStamper {
  #clock: HybridClock;
  #offsetMs = 0;

  constructor(
    deviceId: string,
    private readonly wallClock: Clock,
    lastStamp: string,
  ) {
    this.#clock = new HybridClock(nodeTagOf(deviceId), () => wallClock.now() + this.#offsetMs, lastStamp);
  }

  get clock(): HybridClock {
    return this.#clock;
  }

  /** A workstation that takes a new device id stamps with it from then on. */
  setNode(node: string): void {
    this.#clock = new HybridClock(node, () => this.wallClock.now() + this.#offsetMs, this.#clock.last);
  }

  /** The hub's clock minus ours, learned from each answer of the hub. */
  setOffset(offsetMs: number): void {
    this.#offsetMs = offsetMs;
  }

  begin(db: Db): string {
    const hlc = this.#clock.tick();
    db.run(sql`update sync_state set txn = txn + 1, hlc = ${hlc} where id = 1`);
    return hlc;
  }
}

export function readSyncState(db: Db): { txn: number; hlc: string; mode: SyncMode } {
  const row = db.get<{ txn: number; hlc: string; mode: number } | undefined>(sql`select txn, hlc, mode from sync_state where id = 1`);
  if (row === undefined) throw new Error('sync_state is missing its row');
  const mode = row.mode === 1 || row.mode === 2 || row.mode === 3 ? row.mode : 0;
  return { txn: row.txn, hlc: row.hlc, mode };
}

export function setSyncMode(db: Db, mode: SyncMode): void {
  db.run(sql`update sync_state set mode = ${mode} where id = 1`);
}
