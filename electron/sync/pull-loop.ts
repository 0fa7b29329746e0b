import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { PullResponse } from '#shared/sync/protocol.ts';
import { latestStamp } from '#shared/sync/merge.ts';
import type { Db } from '../db/database.ts';
import { withoutWaitingForDisk } from '../db/pragmas.ts';
import type { DeviceIdentity } from '../device.ts';
import { isoAt, type Clock } from '../platform/clock.ts';
import { createLogger } from '../platform/logger.ts';
import { applyFeedPage, inPageTransaction, type AppliedRow } from './apply.ts';
import type { ChangeStamper } from './change-stamps.ts';
import { markForConflictCheck } from './conflicts.ts';
import type { HubIdentityTracker } from './hub-identity.ts';
import { keepObservedClock, observeLatestStamp } from './observed-clock.ts';
import { numberPendingTransactions } from './outbox.ts';
import { sentAhead } from './sent-ahead.ts';
import { readSyncSettings, writeSetting, type SyncSettings } from './settings.ts';
import type { HubTransport } from './transport.ts';

const log = createLogger('sync');

export const PULL_PAGE = 2_000;

/** Compares "txid:id" feed positions; a null position is the beginning. */
export function cursorAfter(a: string | null, b: string | null): boolean {
  const parse = (text: string | null): [bigint, bigint] => {
    const [txid = '0', id = '0'] = (text ?? '0:0').split(':');
    return [BigInt(txid), BigInt(id)];
  };
  const [at, ai] = parse(a);
  const [bt, bi] = parse(b);
  return at > bt || (at === bt && ai > bi);
}

export type PullLoopDeps = {
  readonly sqlite: Database.Database;
  readonly db: Db;
  /** Read at each page: enrolling again gives this workstation a new device id. */
  readonly identity: DeviceIdentity;
  readonly stamper: ChangeStamper;
  readonly clock: Clock;
  readonly hub: HubIdentityTracker;
  /** Sends what waits to go up: a hub that lost changes gets them again before the feed is read on. */
  readonly pushWaiting: (settings: SyncSettings, transport: HubTransport) => Promise<void>;
  /** The rows a page wrote, once its transaction has committed. */
  readonly onApplied: (applied: readonly AppliedRow[]) => void;
};

/** The pull: the clinic's feed from this workstation's position on, page by page (SYNC.md §5). */
export class PullLoop {
  constructor(private readonly deps: PullLoopDeps) {}

  async run(settings: SyncSettings, transport: HubTransport): Promise<void> {
    const { sqlite, db, hub } = this.deps;
    // Read afresh: the push just before may have found a restored hub and reset the position.
    let cursor = readSyncSettings(db)?.cursor ?? null;
    type AskedPage = { from: string | null; answer: Promise<PullResponse> };
    const fetchPage = (from: string | null): AskedPage => ({ from, answer: sentAhead(transport.pull(settings.credential, { cursor: from, limit: PULL_PAGE })) });
    let coming: AskedPage | null = null;
    for (let page = 0; page < 100_000; page += 1) {
      // The page asked for ahead is used only if it starts where this workstation now stands.
      const asked = coming !== null && coming.from === cursor ? coming : fetchPage(cursor);
      coming = null;
      const response = await asked.answer;
      if (hub.observe(response, response.appliedThrough) || hub.forgotten(response)) {
        cursor = null;
        numberPendingTransactions(sqlite);
        await this.deps.pushWaiting(settings, transport);
        continue;
      }
      const ackedBefore = hub.ackedThrough();
      if (response.appliedThrough < ackedBefore) {
        hub.noteProgress(ackedBefore, response.appliedThrough);
        numberPendingTransactions(sqlite);
        await this.deps.pushWaiting(settings, transport);
      }
      if (cursorAfter(cursor, response.head)) {
        // A feed behind this workstation's position: the hub went back in time; read it anew.
        log.warn('the hub feed is behind this workstation; reading it anew', {});
        cursor = null;
        writeSetting(db, 'sync_cursor', cursor);
        continue;
      }
      // Nothing new and the position unchanged: the usual answer, and nothing to write.
      if (response.changes.length === 0 && response.cursor === cursor && !response.more) return;
      if (response.more) {
        // The next page is on its way while this one is written, as in a first sync: the hub
        // reads it meanwhile instead of waiting for the next request. Let the request leave first.
        coming = fetchPage(response.cursor);
        await nextTurn();
      }
      let applied: AppliedRow[] = [];
      withoutWaitingForDisk(sqlite, () => {
        inPageTransaction(sqlite, isoAt(this.deps.clock.now()), (mode) => {
          applied = applyFeedPage(sqlite, response.changes, this.deps.identity.deviceId, mode);
          markForConflictCheck(sqlite, applied);
          observeLatestStamp(this.deps.stamper, response.changes.flatMap((change) => (change.clock === null ? [change.hlc] : [change.hlc, latestStamp(change.clock)])));
          keepObservedClock(sqlite, this.deps.stamper);
          writeSetting(db, 'sync_cursor', response.cursor);
        });
      });
      cursor = response.cursor;
      this.deps.onApplied(applied);
      if (!response.more) return;
    }
  }
}
