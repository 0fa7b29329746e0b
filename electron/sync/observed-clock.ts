import type Database from 'better-sqlite3';
import { isHlc } from '#shared/sync/hlc.ts';
import type { ChangeStamper } from './change-stamps.ts';

// The stamps of what the hub sends move this workstation's clock, in a pull and in a first sync.

/**
 * Every stamp seen moves this clock past it, so the next local change is later than all of them.
 * Stamps order as their text does, so the clock need only see the latest valid one: a first
 * sync's page holds thousands of rows, each with a stamp per column (parsing them all took about
 * 0.25 s of a million-row first sync).
 */
export function observeLatestStamp(stamper: ChangeStamper, stamps: readonly string[]): void {
  let latest = '';
  for (const stamp of stamps) if (stamp > latest && isHlc(stamp)) latest = stamp;
  if (latest !== '') stamper.clock.observe(latest);
}

/** Keeps the observed clock across a restart, even when no local change has been stamped since. */
export function keepObservedClock(sqlite: Database.Database, stamper: ChangeStamper): void {
  sqlite.prepare(`update sync_state set hlc = max(hlc, ?) where id = 1`).run(stamper.clock.last);
}
